// Keyboard shortcuts of the moderation queue: j/k move to the next/previous comment, a approves it, s marks it as spam,
// r opens its reply field. Never while typing in a field, nor with a modifier key held. The page works without them.
(function () {
    "use strict";
    var items = function () { return Array.prototype.slice.call(document.querySelectorAll(".queue-item")); };
    var current = -1;

    function select(index) {
        var all = items();
        if (all.length === 0) {
            return;
        }
        current = Math.max(0, Math.min(all.length - 1, index));
        all.forEach(function (item, i) { item.classList.toggle("is-current", i === current); });
        all[current].focus();
    }

    function currentItem() {
        var all = items();
        var focused = document.activeElement && document.activeElement.closest ? document.activeElement.closest(".queue-item") : null;
        if (focused) {
            current = all.indexOf(focused);
            return focused;
        }
        return current >= 0 ? all[current] : null;
    }

    document.addEventListener("keydown", function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
            return;
        }
        var target = event.target;
        if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
            return;
        }
        var item = currentItem();
        switch (event.key) {
            case "j":
                select(item ? current + 1 : 0);
                break;
            case "k":
                select(item ? current - 1 : 0);
                break;
            case "a":
            case "s":
                if (item) {
                    item.querySelector("button[data-key='" + event.key + "']").click();
                }
                break;
            case "r":
                if (item) {
                    var reply = item.querySelector("details.reply-field");
                    reply.open = true;
                    reply.querySelector("textarea").focus();
                }
                break;
            default:
                return;
        }
        event.preventDefault();
    });
})();
