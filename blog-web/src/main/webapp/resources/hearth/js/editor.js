/* The post editor's live preview: a moment after the author stops typing, the Markdown goes to the server, which
   renders and sanitizes it, and the preview beside it is replaced. Without JavaScript the Preview button does the same.
   The image upload goes the same way, and the Markdown of the uploaded image is inserted at the cursor (without
   JavaScript the page comes back with it to copy). */
(function () {
    "use strict";
    var markdown = document.getElementById("editor:markdown");
    if (!markdown || !window.faces) {
        return;
    }
    var file = document.getElementById("editor:image");
    var timer = null;
    markdown.addEventListener("input", function (event) {
        clearTimeout(timer);
        timer = setTimeout(function () {
            // the form is multipart: leave the chosen image out of the preview's request
            if (file) {
                file.disabled = true;
            }
            try {
                faces.ajax.request(markdown, event, {execute: markdown.id, render: "editor:preview"});
            } finally {
                if (file) {
                    file.disabled = false;
                }
            }
        }, 400);
    });

    var upload = document.getElementById("editor:upload");
    var alt = document.getElementById("editor:imageAlt");
    if (!upload || !file || !alt) {
        return;
    }
    function insert(text) {
        var start = markdown.selectionStart;
        var end = markdown.selectionEnd;
        markdown.value = markdown.value.slice(0, start) + text + markdown.value.slice(end);
        markdown.focus();
        markdown.setSelectionRange(start + text.length, start + text.length);
        markdown.dispatchEvent(new Event("input"));
    }
    upload.addEventListener("click", function (event) {
        event.preventDefault();
        faces.ajax.request(upload, event, {
            execute: "@this " + file.id + " " + alt.id,
            render: "editor:image-result messages",
            onevent: function (data) {
                var uploaded = document.getElementById("image-markdown");
                if (data.status === "success" && uploaded) {
                    insert(uploaded.value);
                    file.value = "";
                    alt.value = "";
                }
            }
        });
    });
}());
