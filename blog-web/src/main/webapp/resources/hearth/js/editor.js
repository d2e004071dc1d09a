/* The post editor's live preview: a moment after the author stops typing, the Markdown goes to the server, which
   renders and sanitizes it, and the preview beside it is replaced. Without JavaScript the Preview button does the same. */
(function () {
    "use strict";
    var markdown = document.getElementById("editor:markdown");
    if (!markdown || !window.faces) {
        return;
    }
    var timer = null;
    markdown.addEventListener("input", function (event) {
        clearTimeout(timer);
        timer = setTimeout(function () {
            faces.ajax.request(markdown, event, {execute: markdown.id, render: "editor:preview"});
        }, 400);
    });
}());
