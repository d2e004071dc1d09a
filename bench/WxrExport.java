import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a large WordPress export (WXR 1.2) for the import workload of bench/run:
 * {@code java bench/WxrExport.java FILE POSTS COMMENTS_PER_POST}. Each comment answers an earlier one of its post
 * (threads up to about ten deep) or starts a thread; bodies are about 300 characters of paragraphs with some markup, so
 * 1,000 posts of 100 comments make a file of about 100 MB. The same arguments always give the same file.
 */
public class WxrExport {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] WORDS = ("garden tomato seed water root leaf soil compost spring harvest bean pea squash "
            + "sun rain frost mulch bed row stake vine flower bee worm shade").split(" ");

    public static void main(String[] args) throws IOException {
        var file = Path.of(args[0]);
        var posts = Integer.parseInt(args[1]);
        var perPost = Integer.parseInt(args[2]);
        var random = new Random(42);
        var start = LocalDateTime.of(2015, 1, 1, 8, 0);
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                    	xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                    	xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel>
                    	<title>Bench Garden</title>
                    	<link>https://bench-garden.example.org</link>
                    	<language>en-US</language>
                    	<wp:wxr_version>1.2</wp:wxr_version>
                    	<wp:base_site_url>https://bench-garden.example.org</wp:base_site_url>
                    	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[bench-writer]]></wp:author_login><wp:author_email><![CDATA[writer@bench-garden.example.org]]></wp:author_email><wp:author_display_name><![CDATA[Bench Writer]]></wp:author_display_name></wp:author>
                    """);
            var commentId = 1000L;
            for (int p = 1; p <= posts; p++) {
                var date = start.plusDays(p);
                var slug = "bench-post-" + p;
                out.write("<item><title><![CDATA[Bench post " + p + "]]></title>\n<link>https://bench-garden.example.org/"
                        + date.toLocalDate().toString().replace('-', '/') + "/" + slug + "/</link>\n<dc:creator><![CDATA[bench-writer]]></dc:creator>\n"
                        + "<content:encoded><![CDATA[<!-- wp:paragraph -->\n<p>" + words(random, 120) + "</p>\n<!-- /wp:paragraph -->]]></content:encoded>\n"
                        + "<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n<wp:post_id>" + p + "</wp:post_id>\n<wp:post_date_gmt><![CDATA["
                        + DATE.format(date) + "]]></wp:post_date_gmt>\n<wp:post_name><![CDATA[" + slug + "]]></wp:post_name>\n"
                        + "<wp:status><![CDATA[publish]]></wp:status>\n<wp:post_type><![CDATA[post]]></wp:post_type>\n"
                        + "<category domain=\"category\" nicename=\"vegetables\"><![CDATA[Vegetables]]></category>\n");
                var first = commentId;
                for (int c = 0; c < perPost; c++) {
                    var id = commentId++;
                    var parent = c == 0 || random.nextInt(10) < 3 ? 0 : first + Math.max(0, c - 1 - random.nextInt(Math.min(c, 3)));
                    comment(out, random, id, parent, date.plusMinutes(c + 1));
                }
                out.write("</item>\n");
            }
            out.write("</channel>\n</rss>\n");
        }
    }

    private static void comment(BufferedWriter out, Random random, long id, long parent, LocalDateTime date) throws IOException {
        var name = "Reader " + (random.nextInt(5000) + 1);
        var body = words(random, 16) + ". <em>" + words(random, 4) + "</em>\n\n" + words(random, 16) + ".\n\n" + words(random, 12) + ".";
        out.write("<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author><![CDATA[" + name
                + "]]></wp:comment_author><wp:comment_author_email><![CDATA[reader" + id % 5000 + "@example.com]]></wp:comment_author_email>"
                + "<wp:comment_author_url>https://reader" + id % 5000 + ".example.com</wp:comment_author_url>"
                + "<wp:comment_author_IP><![CDATA[192.0.2." + id % 250 + "]]></wp:comment_author_IP>"
                + "<wp:comment_date><![CDATA[" + DATE.format(date) + "]]></wp:comment_date>"
                + "<wp:comment_date_gmt><![CDATA[" + DATE.format(date) + "]]></wp:comment_date_gmt>"
                + "<wp:comment_content><![CDATA[" + body + "]]></wp:comment_content>"
                + "<wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type>"
                + "<wp:comment_parent>" + parent + "</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id>"
                + "<wp:commentmeta><wp:meta_key><![CDATA[akismet_result]]></wp:meta_key><wp:meta_value><![CDATA[false]]></wp:meta_value></wp:commentmeta>"
                + "</wp:comment>\n");
    }

    private static String words(Random random, int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
