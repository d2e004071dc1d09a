/*
 * Hearth comment widget: embed.js.
 *
 * 1. On a page rendered by <hc:comments> (a section.hc-comments already holding the discussion), it enhances the
 *    server-rendered forms: posting, replying and smiling happen in place, announced through an aria-live region.
 * 2. On any HTML page, <div data-hearth-thread="KEY"></div><script src="https://HOST/hearth/embed.js" defer></script>
 *    renders the discussion and its form from the JSON API (GET/POST /api/comments).
 * Without JavaScript, case 1 keeps working through plain forms; no inline script or style is ever needed.
 */
(function () {
    "use strict";

    var script = document.currentScript;
    var scriptSrc = script && script.src ? script.src : "";
    var TOKENS_KEY = "hearth.own";
    var TEXT = {
        heading: function (n) { return n === 0 ? "Join the discussion" : n === 1 ? "1 comment" : n + " comments"; },
        empty: "No comments yet. Yours could be the first.",
        pending: "Awaiting moderation: only you can see this comment for now.",
        removed: "Comment removed.",
        inReplyTo: "in reply to ",
        reply: "Reply",
        replyTo: function (name) { return "Reply to " + name; },
        smileLabel: function (name) { return " smiles. Smile at " + name + "'s comment"; },
        formHeading: "Leave a comment",
        name: "Name",
        email: "E-mail (optional, never shown)",
        notify: "E-mail me when someone replies (needs the e-mail address; one click unsubscribes)",
        notifyNeedsEmail: "To get an e-mail when someone replies, please give your e-mail address (or untick the box).",
        notifying: " We will e-mail you when someone replies.",
        website: "Website (optional)",
        body: "Comment",
        hint: "Markdown works: *emphasis*, **strong**, `code`, [links](https://example.org), > quotes and lists.",
        post: "Post comment",
        cancel: "Cancel reply",
        more: "Show more comments",
        posted: "Your comment was posted.",
        postedPending: "Your comment was posted and awaits moderation.",
        failed: "Your comment was not posted. Please check the fields marked below.",
        offline: "The comment could not be sent. Please try again.",
        justNow: "just now",
        badge: {Author: "Author", Team: "Team"}
    };
    var FIELD_NAMES = {name: "hc-name", email: "hc-email", website: "hc-website", body: "hc-body", homepage: "hc-homepage", parentId: "hc-body"};

    function ownTokens() {
        try {
            return (localStorage.getItem(TOKENS_KEY) || "").split(" ").filter(Boolean);
        } catch (e) {
            return [];
        }
    }

    function rememberToken(token) {
        try {
            var tokens = ownTokens().filter(function (t) { return t !== token; });
            tokens.push(token);
            localStorage.setItem(TOKENS_KEY, tokens.slice(-30).join(" "));
        } catch (e) {
            /* private mode: the cookie (same site) still proves authorship */
        }
    }

    function request(api, method, path, body) {
        var headers = {"Accept": "application/json"};
        var tokens = ownTokens();
        if (tokens.length) {
            headers["X-Hearth-Own"] = tokens.join(" ");
        }
        if (body !== undefined) {
            headers["Content-Type"] = "application/json";
        }
        return fetch(api + path, {
            method: method,
            headers: headers,
            credentials: "same-origin",
            body: body === undefined ? undefined : JSON.stringify(body)
        }).then(function (response) {
            return response.text().then(function (text) {
                var json = null;
                try {
                    json = text ? JSON.parse(text) : null;
                } catch (e) {
                    json = null;
                }
                return {status: response.status, ok: response.ok, json: json};
            });
        });
    }

    function el(name, attributes, text) {
        var element = document.createElement(name);
        Object.keys(attributes || {}).forEach(function (key) {
            if (attributes[key] !== null && attributes[key] !== undefined) {
                element.setAttribute(key, attributes[key]);
            }
        });
        if (text !== undefined && text !== null) {
            element.textContent = text;
        }
        return element;
    }

    function relative(iso) {
        var minutes = Math.floor((Date.now() - new Date(iso).getTime()) / 60000);
        if (minutes < 1) {
            return TEXT.justNow;
        }
        if (minutes < 60) {
            return minutes === 1 ? "1 minute ago" : minutes + " minutes ago";
        }
        var hours = Math.floor(minutes / 60);
        if (hours < 24) {
            return hours === 1 ? "1 hour ago" : hours + " hours ago";
        }
        var days = Math.floor(hours / 24);
        return days === 1 ? "1 day ago" : days < 30 ? days + " days ago" : new Date(iso).toLocaleDateString();
    }

    function absolute(iso) {
        var date = new Date(iso);
        return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
    }

    /* One comment as an <li><article id="comment-{id}" data-depth> with its replies nested inside. */
    function renderComment(c, widget) {
        var li = el("li");
        var article = el("article", {
            id: "comment-" + c.id,
            "class": "hc-comment" + (c.status === "pending" ? " hc-pending" : "") + (c.removed ? " hc-removed-comment" : ""),
            "data-depth": String(c.depth)
        });
        li.appendChild(article);
        if (c.removed) {
            article.appendChild(el("p", {"class": "hc-removed"}, TEXT.removed));
        } else {
            var header = el("header");
            var author = c.author.website
                ? el("a", {"class": "hc-author", href: c.author.website, rel: "nofollow ugc noopener"}, c.author.name)
                : el("span", {"class": "hc-author"}, c.author.name);
            header.appendChild(author);
            if (c.author.badge) {
                header.appendChild(el("span", {"class": "hc-badge"}, TEXT.badge[c.author.badge] || c.author.badge));
            }
            var permalink = el("a", {"class": "hc-permalink hc-meta", href: "#comment-" + c.id});
            permalink.appendChild(el("time", {datetime: c.createdAt, title: absolute(c.createdAt)}, relative(c.createdAt)));
            header.appendChild(permalink);
            header.appendChild(el("span", {"class": "hc-meta hc-absolute"}, absolute(c.createdAt)));
            if (c.replyTo) {
                var inReply = el("p", {"class": "hc-in-reply-to"}, TEXT.inReplyTo);
                inReply.appendChild(el("a", {href: "#comment-" + c.replyTo.id}, c.replyTo.name));
                header.appendChild(inReply);
            }
            article.appendChild(header);
            if (c.status === "pending") {
                article.appendChild(el("p", {"class": "hc-pending-note"}, TEXT.pending));
            }
            var body = el("div", {"class": "hc-body"});
            body.innerHTML = c.html; /* sanitized on the server: safe to insert as HTML */
            article.appendChild(body);
            if (c.status !== "pending") {
                var actions = el("div", {"class": "hc-actions"});
                var smile = el("button", {type: "button", "class": "hc-smile", "data-hearth-smile": String(c.id)});
                smile.appendChild(el("span", {"aria-hidden": "true"}, "\u263A "));
                smile.appendChild(el("span", {"class": "hc-smile-count"}, String(c.smiles)));
                smile.appendChild(el("span", {"class": "hc-visually-hidden"}, TEXT.smileLabel(c.author.name)));
                actions.appendChild(smile);
                actions.appendChild(el("a", {"class": "hc-reply", href: "#comment-" + c.id, "data-hearth-reply": String(c.id),
                    "aria-label": TEXT.replyTo(c.author.name)}, TEXT.reply));
                article.appendChild(actions);
            }
        }
        if (c.replies && c.replies.length) {
            var replies = el("ol", {"class": "hc-replies"});
            c.replies.forEach(function (reply) {
                replies.appendChild(renderComment(reply, widget));
            });
            article.appendChild(replies);
        }
        return li;
    }

    function field(form, label, name, type, required, autocomplete) {
        var id = form.id + "-" + name.replace("hc-", "");
        var wrap = el("div", {"class": "hc-field"});
        wrap.appendChild(el("label", {"for": id}, label));
        var input = type === "textarea"
            ? el("textarea", {id: id, name: name, rows: "6", required: required ? "required" : null, maxlength: "10000"})
            : el("input", {id: id, name: name, type: type, required: required ? "required" : null, autocomplete: autocomplete});
        wrap.appendChild(input);
        form.appendChild(wrap);
    }

    /* "E-mail me when someone replies": the same box as the Faces form's (it matters only with an e-mail address). */
    function notifyBox(form) {
        var id = form.id + "-notify";
        var wrap = el("div", {"class": "hc-field hc-notify"});
        wrap.appendChild(el("input", {id: id, name: "hc-notify", type: "checkbox", value: "on"}));
        wrap.appendChild(el("label", {"for": id}, TEXT.notify));
        form.appendChild(wrap);
    }

    /* The form of a script-tag embed (the Faces page renders its own). */
    function buildForm(widget) {
        var form = el("form", {method: "post", action: "#", id: "hc-form-" + widget.index, "class": "hc-form", novalidate: "novalidate"});
        form.appendChild(el("h3", {}, TEXT.formHeading));
        form.appendChild(el("input", {type: "hidden", name: "hc-thread", value: widget.thread}));
        form.appendChild(el("input", {type: "hidden", name: "hc-form", value: ""}));
        field(form, TEXT.name, "hc-name", "text", true, "name");
        field(form, TEXT.email, "hc-email", "email", false, "email");
        notifyBox(form);
        field(form, TEXT.website, "hc-website", "url", false, "url");
        field(form, TEXT.body, "hc-body", "textarea", true);
        var honeypot = el("div", {"class": "hc-honeypot", "aria-hidden": "true"});
        honeypot.appendChild(el("label", {"for": form.id + "-homepage"}, "Leave this field empty"));
        honeypot.appendChild(el("input", {id: form.id + "-homepage", name: "hc-homepage", type: "text", tabindex: "-1", autocomplete: "off"}));
        form.appendChild(honeypot);
        var buttons = el("p");
        buttons.appendChild(el("button", {type: "submit", name: "hc-action", value: "post", "class": "hc-post-button"}, TEXT.post));
        form.appendChild(buttons);
        return form;
    }

    function announce(widget, message) {
        widget.live.textContent = "";
        window.setTimeout(function () { widget.live.textContent = message; }, 50);
    }

    function clearErrors(form) {
        form.querySelectorAll(".hc-error, .hc-errors").forEach(function (node) { node.remove(); });
        form.querySelectorAll("[aria-invalid]").forEach(function (node) {
            node.removeAttribute("aria-invalid");
            var describedBy = (node.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return !/-error$/.test(id); });
            if (describedBy.length) {
                node.setAttribute("aria-describedby", describedBy.join(" "));
            } else {
                node.removeAttribute("aria-describedby");
            }
        });
    }

    function showError(form, problem) {
        var summary = el("p", {"class": "hc-errors", role: "alert"}, TEXT.failed);
        form.insertBefore(summary, form.querySelector(".hc-field"));
        var input = form.querySelector("[name='" + (FIELD_NAMES[problem.field] || "hc-body") + "']");
        if (!input) {
            summary.textContent = problem.detail || TEXT.failed;
            return;
        }
        var errorId = input.id + "-error";
        var message = el("p", {id: errorId, "class": "hc-error"}, problem.detail);
        input.insertAdjacentElement("afterend", message);
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + errorId).trim());
        input.focus();
    }

    function value(form, name) {
        var input = form.querySelector("[name='" + name + "']");
        return input ? input.value : "";
    }

    function submit(widget, form, event) {
        var action = event.submitter ? event.submitter.value : "post";
        if (action !== "post" || form.querySelector("[name='hc-edit']")) {
            return; /* previews and edits go through the server-rendered page */
        }
        event.preventDefault();
        clearErrors(form);
        var parent = value(form, "hc-parent");
        var email = value(form, "hc-email").trim();
        var notify = form.querySelector("[name='hc-notify']");
        if (notify && notify.checked && !email) {
            showError(form, {field: "email", detail: TEXT.notifyNeedsEmail});
            return;
        }
        var payload = {
            thread: widget.thread,
            parentId: parent ? Number(parent) : null,
            name: value(form, "hc-name"),
            email: email || null,
            notify: Boolean(notify && notify.checked),
            website: value(form, "hc-website") || null,
            body: value(form, "hc-body"),
            homepage: value(form, "hc-homepage"),
            form: value(form, "hc-form") || null,
            title: widget.title,
            url: widget.url
        };
        var button = form.querySelector("button[value='post']");
        if (button) {
            button.disabled = true;
        }
        request(widget.api, "POST", "/comments", payload).then(function (result) {
            if (button) {
                button.disabled = false;
            }
            if (result.status === 201 && result.json) {
                if (result.json.ownerToken) {
                    rememberToken(result.json.ownerToken);
                }
                if (result.json.form) {
                    /* a form token serves few comments: the next one goes with the fresh token the server gave */
                    widget.root.querySelectorAll("input[name='hc-form']").forEach(function (input) { input.value = result.json.form; });
                }
                var item = renderComment(result.json, widget);
                var container = widget.list;
                if (result.json.parentId) {
                    var parentArticle = document.getElementById("comment-" + result.json.parentId);
                    if (parentArticle) {
                        container = parentArticle.querySelector(":scope > ol.hc-replies");
                        if (!container) {
                            container = el("ol", {"class": "hc-replies"});
                            parentArticle.appendChild(container);
                        }
                    }
                }
                container.appendChild(item);
                var empty = widget.root.querySelector(".hc-empty");
                if (empty) {
                    empty.remove();
                }
                form.querySelector("[name='hc-body']").value = "";
                if (form !== widget.form) {
                    form.remove();
                }
                var article = item.querySelector("article");
                article.setAttribute("tabindex", "-1");
                article.focus();
                announce(widget, (result.json.status === "pending" ? TEXT.postedPending : TEXT.posted) + (result.json.notify ? TEXT.notifying : ""));
            } else if (result.json && result.json.field) {
                showError(form, result.json);
            } else {
                showError(form, {field: "body", detail: TEXT.offline});
            }
        }).catch(function () {
            if (button) {
                button.disabled = false;
            }
            showError(form, {field: "body", detail: TEXT.offline});
        });
    }

    function openReply(widget, link) {
        var id = link.getAttribute("data-hearth-reply");
        var article = document.getElementById("comment-" + id);
        var existing = document.getElementById("hc-form-" + id);
        if (existing) {
            existing.querySelector("textarea").focus();
            return;
        }
        var form = widget.form.cloneNode(true);
        form.id = "hc-form-" + id;
        form.querySelectorAll("[id]").forEach(function (node) {
            node.id = node.id.replace(widget.form.id, form.id);
        });
        form.querySelectorAll("label[for]").forEach(function (label) {
            label.setAttribute("for", label.getAttribute("for").replace(widget.form.id, form.id));
        });
        form.querySelectorAll("[aria-describedby]").forEach(function (node) {
            node.setAttribute("aria-describedby", node.getAttribute("aria-describedby").split(widget.form.id).join(form.id));
        });
        form.removeAttribute("aria-labelledby");
        clearErrors(form);
        form.querySelectorAll(".hc-preview").forEach(function (node) { node.remove(); });
        var name = article.querySelector(".hc-author");
        var heading = form.querySelector("h3");
        heading.textContent = TEXT.replyTo(name ? name.textContent : "");
        form.setAttribute("aria-label", heading.textContent);
        var parent = form.querySelector("[name='hc-parent']") || el("input", {type: "hidden", name: "hc-parent"});
        parent.value = id;
        form.appendChild(parent);
        form.querySelector("[name='hc-body']").value = "";
        var cancel = el("button", {type: "button", "class": "hc-cancel"}, TEXT.cancel);
        cancel.addEventListener("click", function () {
            form.remove();
            link.focus();
        });
        form.appendChild(cancel);
        var actions = article.querySelector(":scope > .hc-actions");
        (actions || article.lastChild).insertAdjacentElement("afterend", form);
        form.addEventListener("submit", function (event) { submit(widget, form, event); });
        form.querySelector("textarea").focus();
    }

    function smile(widget, button) {
        request(widget.api, "POST", "/comments/" + button.value + "/smiles").then(function (result) {
            if (result.ok && result.json) {
                button.querySelector(".hc-smile-count").textContent = String(result.json.smiles);
                announce(widget, button.textContent.replace("\u263A ", ""));
            }
        });
    }

    function wire(widget) {
        widget.root.addEventListener("click", function (event) {
            var reply = event.target.closest("[data-hearth-reply]");
            if (reply && widget.root.contains(reply)) {
                event.preventDefault();
                openReply(widget, reply);
                return;
            }
            var smileButton = event.target.closest("button.hc-smile");
            if (smileButton && widget.root.contains(smileButton)) {
                event.preventDefault();
                if (!smileButton.value) {
                    smileButton.value = smileButton.getAttribute("data-hearth-smile");
                }
                smile(widget, smileButton);
            }
        });
        widget.form.addEventListener("submit", function (event) { submit(widget, widget.form, event); });
    }

    /* A section rendered by <hc:comments>: enhance it. */
    function enhance(section, index) {
        var live = section.querySelector(".hc-live");
        var widget = {
            index: index,
            root: section,
            thread: section.getAttribute("data-hearth-thread"),
            api: section.getAttribute("data-hearth-api"),
            title: document.title,
            url: location.href.split("#")[0],
            list: section.querySelector(".hc-list"),
            form: section.querySelector("#hc-form"),
            live: live
        };
        if (!widget.form || !widget.list) {
            return;
        }
        wire(widget);
    }

    function apiBase(container) {
        var given = container.getAttribute("data-hearth-api");
        if (given) {
            return given.replace(/\/$/, "");
        }
        return new URL("../api", scriptSrc || location.href).href;
    }

    function addStylesheet() {
        if (!scriptSrc || document.querySelector("link[data-hearth-css]")) {
            return;
        }
        document.head.appendChild(el("link", {rel: "stylesheet", href: new URL("comments.css", scriptSrc).href, "data-hearth-css": "true"}));
    }

    /* A bare <div data-hearth-thread>: render everything from the JSON API. */
    function embed(container, index) {
        addStylesheet();
        var widget = {
            index: index,
            thread: container.getAttribute("data-hearth-thread"),
            api: apiBase(container),
            title: container.getAttribute("data-hearth-title") || document.title,
            url: container.getAttribute("data-hearth-url") || location.href.split("#")[0],
            page: 0
        };
        var section = el("section", {"class": "hc-comments", id: "hc-comments-" + index, "aria-labelledby": "hc-heading-" + index});
        var heading = el("h2", {id: "hc-heading-" + index}, TEXT.heading(0));
        var live = el("div", {"class": "hc-live hc-visually-hidden", "aria-live": "polite"});
        var list = el("ol", {"class": "hc-list"});
        var more = el("p", {"class": "hc-more", hidden: "hidden"});
        var moreButton = el("button", {type: "button"}, TEXT.more);
        more.appendChild(moreButton);
        section.appendChild(heading);
        section.appendChild(live);
        section.appendChild(list);
        section.appendChild(more);
        widget.root = section;
        widget.list = list;
        widget.live = live;
        widget.form = buildForm(widget);
        section.appendChild(widget.form);
        container.appendChild(section);
        wire(widget);

        function load() {
            request(widget.api, "GET", "/comments?thread=" + encodeURIComponent(widget.thread) + "&page=" + widget.page).then(function (result) {
                if (!result.ok || !result.json) {
                    return;
                }
                heading.textContent = TEXT.heading(result.json.topLevel);
                // The signed time the discussion was shown: posting needs it back (the widget's minimum reading time).
                widget.form.querySelector("input[name='hc-form']").value = result.json.form || "";
                result.json.comments.forEach(function (c) {
                    list.appendChild(renderComment(c, widget));
                });
                if (result.json.topLevel === 0 && !section.querySelector(".hc-empty")) {
                    list.insertAdjacentElement("afterend", el("p", {"class": "hc-empty"}, TEXT.empty));
                }
                if (result.json.hasMore) {
                    more.removeAttribute("hidden");
                } else {
                    more.setAttribute("hidden", "hidden");
                }
            });
        }
        moreButton.addEventListener("click", function () {
            widget.page += 1;
            load();
        });
        load();
    }

    function start() {
        document.querySelectorAll("section.hc-comments[data-hearth-thread]").forEach(enhance);
        document.querySelectorAll("[data-hearth-thread]:not(section.hc-comments)").forEach(function (container, index) {
            if (!container.closest("section.hc-comments")) {
                embed(container, index);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
