<?php
// Compares two reports of import-report.php: what WordPress's importer made of the original export ($argv[1]) and of
// Hearth's export of the same blog ($argv[2]). Every post of the original, its terms, author and discussion (comments
// with their parents, status, e-mail, website, team member and text) must be in Hearth's, as Hearth keeps them:
// trashed posts, pingbacks and trackbacks are not imported; tags and categories are lower-case tags; an excerpt left
// empty is the body's first paragraph; a draft keeps its date as WordPress keeps a draft's (no GMT date); the text is
// compared as a reader reads it (markup, WordPress's block comments and [caption] shortcodes aside). Prints the
// differences and exits 1 if there are any.
[$original, $hearth] = array_map(fn($file) => json_decode(file_get_contents($file), true), array_slice($argv, 1, 2));

function text($html) {
    $html = preg_replace(['/<!--.*?-->/s', '/\[\/?caption[^\]]*\]/', '/<[^>]*>/'], ['', '', ' '], $html);
    return trim(preg_replace('/\s+/u', ' ', html_entity_decode($html, ENT_QUOTES | ENT_HTML5, 'UTF-8')));
}

$differences = [];
$same = ['posts' => 0, 'comments' => 0];
// Hearth's export may hold other posts of the same title (its test database is shared): the one with the same date
// and address is the copy, else the one with the same date. An address another post had first gets a number (-2), as
// WordPress gives it.
$candidates = [];
foreach ($hearth['posts'] as $post) {
    $candidates[$post['title']][] = $post;
}
$rank = fn($post, $copy) => ($copy['date'] === $post['date'] ? 2 : 0) + ($copy['slug'] === $post['slug'] ? 1 : 0);
foreach ($original['posts'] as $post) {
    if ($post['status'] === 'trash') {
        continue;
    }
    $title = $post['title'];
    $copies = $candidates[$title] ?? [];
    usort($copies, fn($a, $b) => $rank($post, $b) <=> $rank($post, $a));
    $copy = $copies[0] ?? null;
    if ($copy === null) {
        $differences[] = "post '$title' is missing";
        continue;
    }
    $fields = ['status' => fn($p, $r) => $p['status'], 'date' => fn($p, $r) => $p['status'] === 'draft' ? $p['date'] : $p['date_gmt'],
        'text' => fn($p, $r) => text($p['content']), 'author' => fn($p, $r) => $p['author'],
        'author name' => fn($p, $r) => $r['authors'][$p['author']]['name'] ?? null];
    if ($post['slug'] !== '') {
        $fields['address'] = fn($p, $r) => preg_replace('/-\d+$/', '', $p['slug']);
    }
    if ($post['excerpt'] !== '' || !str_starts_with(text($copy['content']), text($copy['excerpt']))) {
        $fields['excerpt'] = fn($p, $r) => $p['excerpt'];
    }
    foreach ($fields as $name => $of) {
        [$was, $is] = [$of($post, $original), $of($copy, $hearth)];
        if ($was !== $is) {
            $differences[] = "post '$title': $name " . json_encode($was, JSON_UNESCAPED_UNICODE) . ' became '
                . json_encode($is, JSON_UNESCAPED_UNICODE);
        }
    }
    $missingTerms = array_diff(array_map('strtolower', $post['terms']), array_map('strtolower', $copy['terms']));
    $missingTerms && $differences[] = "post '$title': terms " . implode(', ', $missingTerms) . ' are missing';

    $kept = fn($comments) => array_filter($comments, fn($c) => $c['type'] === 'comment' && $c['approved'] !== 'trash');
    $copied = array_column($kept($copy['comments']), null, 'key');
    foreach ($kept($post['comments']) as $comment) {
        $key = $comment['key'];
        $other = $copied[$key] ?? null;
        unset($copied[$key]);
        if ($other === null) {
            $differences[] = "post '$title': comment by $key is missing";
            continue;
        }
        $commentFields = ['parent' => fn($c) => $c['parent'], 'status' => fn($c) => $c['approved'], 'e-mail' => fn($c) => $c['email'],
            'website' => fn($c) => rtrim($c['url'], '/'), 'team member' => fn($c) => $c['user'], 'text' => fn($c) => text($c['content'])];
        $before = count($differences);
        foreach ($commentFields as $name => $of) {
            if ($of($comment) !== $of($other)) {
                $differences[] = "post '$title', comment by $key: $name " . json_encode($of($comment), JSON_UNESCAPED_UNICODE)
                    . ' became ' . json_encode($of($other), JSON_UNESCAPED_UNICODE);
            }
        }
        count($differences) === $before && $same['comments']++;
    }
    foreach (array_keys($copied) as $key) {
        $differences[] = "post '$title': comment by $key was not in the original";
    }
    $same['posts']++;
}
printf("compare: %d posts and %d comments of the original arrived as they were\n", $same['posts'], $same['comments']);
foreach ($differences as $difference) {
    echo "  differs: $difference\n";
}
exit($differences ? 1 : 0);
