<?php
// Imports the WXR file $WXR into a fresh WordPress (the site answering as $HTTP_HOST, see wordpress.sh) with
// WordPress's own importer plugin (its src/ folder in $IMPORTER), authors created from the file as an admin would
// choose on the importer's page, and prints as JSON what arrived: posts, terms, authors and comments with their threads.
$_SERVER['HTTP_HOST'] = getenv('HTTP_HOST');
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
define('WP_LOAD_IMPORTERS', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

add_filter('pre_wp_mail', '__return_false');
ob_start();
wp_install('Import check', 'admin', 'admin@import.example', true, '', 'a long password for the admin');
ob_end_clean();
global $wpdb;
foreach ([$wpdb->posts, $wpdb->postmeta, $wpdb->comments, $wpdb->commentmeta] as $table) {
    $wpdb->query("DELETE FROM $table"); // the new site's sample post, page and comment
}
wp_set_current_user(1);
require getenv('IMPORTER') . '/wordpress-importer.php';

$file = getenv('WXR');
$importer = new WP_Import();
$parsed = $importer->parse($file);
if (is_wp_error($parsed)) {
    fwrite(STDERR, "import-report: WordPress's parser refused $file: " . $parsed->get_error_message() . "\n");
    exit(1);
}
$_POST = ['imported_authors' => array_keys($parsed['authors']), 'user_map' => [], 'user_new' => []];
$importer->fetch_attachments = false;
ob_start();
$importer->import($file);
$said = trim(preg_replace('/\s+/', ' ', wp_strip_all_tags(ob_get_clean())));

function login($id) {
    $user = $id ? get_userdata($id) : false;
    return $user ? $user->user_login : null;
}

$posts = [];
foreach ($wpdb->get_results("SELECT * FROM {$wpdb->posts} WHERE post_type = 'post' AND post_status <> 'auto-draft'") as $post) {
    $comments = [];
    $byId = [];
    $rows = $wpdb->get_results($wpdb->prepare("SELECT * FROM {$wpdb->comments} WHERE comment_post_ID = %d", $post->ID));
    foreach ($rows as $row) {
        $byId[$row->comment_ID] = $row->comment_author . ' @ ' . $row->comment_date_gmt;
    }
    foreach ($rows as $row) {
        $comments[] = ['key' => $byId[$row->comment_ID], 'parent' => $byId[$row->comment_parent] ?? null,
            'type' => $row->comment_type ?: 'comment', 'approved' => $row->comment_approved,
            'email' => $row->comment_author_email, 'url' => $row->comment_author_url, 'user' => login($row->user_id),
            'content' => $row->comment_content];
    }
    $terms = wp_get_post_terms($post->ID, ['category', 'post_tag'], ['fields' => 'names']);
    $posts[] = ['title' => $post->post_title, 'slug' => $post->post_name, 'status' => $post->post_status,
        'date' => $post->post_date, 'date_gmt' => $post->post_date_gmt, 'author' => login($post->post_author), 'excerpt' => $post->post_excerpt,
        'content' => $post->post_content, 'terms' => array_values(array_diff($terms, ['Uncategorized'])),
        'comments' => $comments];
}
$authors = [];
foreach (get_users() as $user) {
    $authors[$user->user_login] = ['name' => $user->display_name, 'email' => $user->user_email];
}
echo json_encode(['importer' => $said, 'authors' => $authors, 'posts' => $posts], JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE), "\n";
