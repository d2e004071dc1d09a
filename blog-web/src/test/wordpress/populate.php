<?php
// Writes a small blog into a fresh WordPress (see make-export.sh) and prints WordPress's own export of it (WXR 1.2):
// authors, categories and tags, published, draft, scheduled and private posts, a discussion five levels deep with an
// author's reply, a pending, a spam and a trashed comment, a pingback and a trackback. (WordPress's export leaves spam
// out: the hand-written fixture has some.)
$_SERVER['HTTP_HOST'] = getenv('HTTP_HOST');
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

add_filter('pre_wp_mail', '__return_false'); // no mail about the new site
ob_start();
wp_install('Garden Notes', 'ines', 'ines@garden.example.org', true, '', 'a long password for ines');
ob_end_clean();
update_option('siteurl', 'https://garden.example.org');
update_option('home', 'https://garden.example.org');
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
update_option('thread_comments_depth', 10);

$ines = get_user_by('login', 'ines')->ID;
wp_update_user(['ID' => $ines, 'display_name' => 'Inès Moreau', 'first_name' => 'Inès', 'last_name' => 'Moreau']);
$pablo = wp_insert_user(['user_login' => 'pablo', 'user_pass' => 'another long password', 'user_email' => 'pablo@garden.example.org',
    'display_name' => 'Pablo Ruiz', 'role' => 'author']);

$vegetables = wp_insert_term('Vegetables', 'category')['term_id'];
$events = wp_insert_term('Events', 'category')['term_id'];

function post($author, $title, $content, $status, $date, $categories, $tags, $excerpt = '') {
    return wp_insert_post(['post_author' => $author, 'post_title' => $title, 'post_content' => $content,
        'post_status' => $status, 'post_date' => $date, 'post_date_gmt' => get_gmt_from_date($date),
        'post_category' => $categories, 'tags_input' => $tags, 'post_excerpt' => $excerpt], true);
}

$tomatoes = post($ines, 'Tomatoes in May', <<<HTML
<!-- wp:paragraph -->
<p>Plant them <strong>deep</strong>, up to the first leaves.</p>
<!-- /wp:paragraph -->

<!-- wp:image {"id":5,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="https://garden.example.org/wp-content/uploads/2024/05/tomato.jpg" alt="A ripe tomato" class="wp-image-5"/><figcaption class="wp-element-caption">Our first tomato</figcaption></figure>
<!-- /wp:image -->

<!-- wp:list -->
<ul><li>Water every morning</li><li>Stake them in June</li></ul>
<!-- /wp:list -->
HTML, 'publish', '2024-05-01 10:00:00', [$vegetables], ['tomatoes', 'planting'], 'How deep to plant tomatoes.');

$classic = post($pablo, 'Seeds to order', "A list for spring.\n\n[caption id=\"attachment_7\" align=\"alignleft\" width=\"200\"]<img src=\"https://garden.example.org/wp-content/uploads/2024/02/seeds.jpg\" alt=\"Seed packets\" width=\"200\" height=\"150\" /> Last year's packets[/caption]\n\nBeans, peas\nand squash.",
    'publish', '2024-02-10 09:30:00', [$vegetables], ['seeds']);
post($ines, 'Harvest festival', 'Coming in September.', 'future', '2099-09-01 10:00:00', [$events], []);
post($ines, 'Compost notes', 'Half written.', 'draft', '2024-06-01 10:00:00', [], []);
post($ines, 'Notes to self', 'Private thoughts.', 'private', '2024-07-01 10:00:00', [], []);
$trashed = post($ines, 'Thrown away', 'Gone.', 'publish', '2024-07-02 10:00:00', [], []);
wp_trash_post($trashed);

function comment($post, $parent, $author, $email, $url, $content, $date, $approved = 1, $type = 'comment', $user = 0) {
    return wp_insert_comment(['comment_post_ID' => $post, 'comment_parent' => $parent, 'comment_author' => $author,
        'comment_author_email' => $email, 'comment_author_url' => $url, 'comment_content' => $content,
        'comment_date' => $date, 'comment_date_gmt' => get_gmt_from_date($date), 'comment_approved' => $approved,
        'comment_type' => $type, 'user_id' => $user, 'comment_author_IP' => '192.0.2.10']);
}

$c1 = comment($tomatoes, 0, 'Rosa Lindqvist', 'rosa@example.net', 'https://rosa.example.net', 'How deep is <em>deep</em>?', '2024-05-02 08:00:00');
$c2 = comment($tomatoes, $c1, 'Inès Moreau', 'ines@garden.example.org', '', 'Up to the first leaves.', '2024-05-02 09:00:00', 1, 'comment', $ines);
$c3 = comment($tomatoes, $c2, 'Rosa Lindqvist', 'rosa@example.net', '', 'Even the stem?', '2024-05-02 10:00:00');
$c4 = comment($tomatoes, $c3, 'Pablo Ruiz', 'pablo@garden.example.org', '', 'Yes, the stem too: it grows roots.', '2024-05-02 11:00:00', 1, 'comment', $pablo);
$c5 = comment($tomatoes, $c4, 'Tomasz', 'tomasz@example.com', '', "Thank you both!\n\nMine are up to the knee now.", '2024-05-03 08:00:00');
comment($tomatoes, $c5, 'Rosa Lindqvist', 'rosa@example.net', '', 'Knee-high by June, then.', '2024-05-03 09:00:00');
comment($tomatoes, 0, 'Maya', 'maya@example.com', '', 'Waiting for moderation.', '2024-05-04 08:00:00', 0);
comment($tomatoes, 0, 'Cheap Pills', 'pills@spam.example', 'https://spam.example', 'Buy now', '2024-05-04 09:00:00', 'spam');
$regret = comment($tomatoes, 0, 'Someone', 'someone@example.com', '', 'I take it back.', '2024-05-04 10:00:00');
wp_trash_comment($regret);
comment($tomatoes, 0, 'Another Garden', '', 'https://another.example.com/2024/05/05/tomatoes/', '[&#8230;] Inès on planting tomatoes deep [&#8230;]', '2024-05-05 08:00:00', 1, 'pingback');
comment($tomatoes, 0, 'Third Garden', '', 'https://third.example.com/tb', 'A trackback.', '2024-05-05 09:00:00', 1, 'trackback');
comment($classic, 0, 'Sam', 'sam@example.com', '', "Don't forget the radishes!", '2024-02-11 08:00:00');

export_wp(['content' => 'all']);
