/*
 * Hearth comment widget: embed.js. The server renders everything a reader sees; this script only fetches its HTML
 * and puts it in place.
 *
 * 1. On any HTML page, <div data-hearth-thread="KEY"></div><script src="https://HOST/hearth/embed.js" defer></script>
 *    loads comments.css and the discussion (GET /api/discussion?thread=KEY&lang=LANG) into the element, in the page's
 *    language (its lang attribute, or data-lang on the element or the script tag). Its feed link leads to the thread's
 *    Atom feed (GET /api/discussion/feed?thread=KEY), or to the site owner's own feed named by data-feed on the element
 *    or the script tag (absolute http(s) addresses only).
 * 2. A discussion on the page (rendered by <hc:comments>, or loaded as above) is enhanced: posting, replying,
 *    previewing, editing, deleting (after a question), smiling, sorting and "Show more" happen in place, with the
 *    fragments the server answers (POST /api/discussion with X-Hearth-Fragment: 1), announced through the aria-live
 *    region, together with the heading's new comment count. A signed-in team member's decisions (approve, spam, delete
 *    after a question) replace the comment in place, or remove it and move the focus to the comment after it. The reader's name, e-mail address and website are remembered in this browser (localStorage) after a
 *    comment, until "Forget me".
 * Without JavaScript, the same forms post to the same endpoint and come back with a redirect; no inline script or
 * style is ever needed. Should a request fail on the way, the form is sent the plain way.
 */
(function () {
    "use strict";

    var script = document.currentScript;
    var scriptSrc = script && script.src ? script.src : "";
    var TOKENS_KEY = "hearth.own";
    var DETAILS_KEY = "hearth.commenter";
    var DETAILS = ["hc-name", "hc-email", "hc-website"];
    var confirmed = new WeakMap();

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

    /* The reader's name, e-mail address and website, kept in this browser only (never sent but with their own comments). */
    function rememberedDetails() {
        try {
            return JSON.parse(localStorage.getItem(DETAILS_KEY) || "null");
        } catch (e) {
            return null;
        }
    }

    function rememberDetails(form) {
        if (!form.querySelector("[name='hc-name']")) {
            return; /* a team member's form: nothing typed to remember */
        }
        var details = {};
        DETAILS.forEach(function (name) {
            var field = form.querySelector("[name='" + name + "']");
            details[name] = field ? field.value : "";
        });
        try {
            localStorage.setItem(DETAILS_KEY, JSON.stringify(details));
        } catch (e) {
            /* private mode: nothing remembered */
        }
    }

    /* Fills empty fields of the forms under root with the remembered details, and shows "Forget me" beside them. */
    function fillDetails(root) {
        var details = rememberedDetails();
        root.querySelectorAll("form.hc-form").forEach(function (form) {
            var note = form.querySelector(".hc-remembered");
            if (!details || !note) {
                return;
            }
            DETAILS.forEach(function (name) {
                var field = form.querySelector("[name='" + name + "']");
                if (field && !field.value && typeof details[name] === "string") {
                    field.value = details[name];
                }
            });
            note.hidden = false;
        });
    }

    function forgetDetails(widget, button) {
        try {
            localStorage.removeItem(DETAILS_KEY);
        } catch (e) {
            /* nothing was kept */
        }
        widget.root.querySelectorAll("form.hc-form").forEach(function (form) {
            DETAILS.forEach(function (name) {
                var field = form.querySelector("[name='" + name + "']");
                if (field) {
                    field.value = "";
                }
            });
            var note = form.querySelector(".hc-remembered");
            if (note) {
                note.hidden = true;
            }
        });
        say(widget, button.getAttribute("data-hearth-announce"));
        focus(button.closest("form").querySelector("[name='hc-name']"));
    }

    /* A request to the widget's endpoint; resolves to {status, ok, html, headers} (html: a parsed fragment). */
    function request(url, body) {
        /* A GET without headers of its own needs no CORS preflight: a page whose origin may not embed the discussion
           still reads the server's message saying so. */
        var headers = {"Accept": "text/html"};
        var tokens = ownTokens();
        if (tokens.length) {
            headers["X-Hearth-Own"] = tokens.join(" ");
        }
        if (body !== undefined) {
            headers["Content-Type"] = "application/x-www-form-urlencoded";
            headers["X-Hearth-Fragment"] = "1";
        }
        return fetch(url, {
            method: body === undefined ? "GET" : "POST",
            headers: headers,
            credentials: "same-origin",
            body: body
        }).then(function (response) {
            return response.text().then(function (text) {
                var template = document.createElement("template");
                template.innerHTML = text; /* rendered and escaped by the server */
                return {status: response.status, ok: response.ok, html: template.content, headers: response.headers};
            });
        });
    }

    function discussionUrl(widget, params) {
        params.lang = widget.lang || null;
        params.feed = !params.part && widget.feed || null;
        var query = Object.keys(params).filter(function (key) { return params[key] !== null && params[key] !== undefined; })
            .map(function (key) { return encodeURIComponent(key) + "=" + encodeURIComponent(params[key]); });
        return widget.api + "/discussion?thread=" + encodeURIComponent(widget.thread) + (query.length ? "&" + query.join("&") : "");
    }

    /* Says the fragment's message; a new comment count (p.hc-count) goes into the heading and, when it changed, into
       the same message: one polite announcement, not two. */
    function announce(widget, fragment) {
        var message = fragment.querySelector(".hc-announce");
        var count = fragment.querySelector(".hc-count");
        var said = message ? message.textContent : "";
        if (message) {
            message.remove();
        }
        if (count) {
            count.remove();
            var heading = widget.root.querySelector("h2");
            if (heading && heading.textContent !== count.textContent) {
                heading.textContent = count.textContent;
                said = said ? said + " " + count.textContent : count.textContent;
            }
        }
        if (said) {
            say(widget, said);
        }
    }

    function say(widget, text) {
        var live = widget.root.querySelector(".hc-live");
        live.textContent = "";
        window.setTimeout(function () { live.textContent = text; }, 50);
    }

    function focus(element) {
        if (element) {
            if (!element.matches("a, button, input, textarea, select")) {
                element.setAttribute("tabindex", "-1");
            }
            element.focus();
        }
    }

    /* The form's fields, with the button that sent it, and (for a new thread on a plain page) its title and address. */
    function payload(widget, form, submitter) {
        var data = new URLSearchParams(new FormData(form));
        if (submitter && submitter.name) {
            data.set(submitter.name, submitter.value);
        }
        data.set("hc-title", widget.title);
        data.set("hc-url", widget.url);
        return data.toString();
    }

    /* The form comes back from the server with its messages or preview: it takes the new content, staying the same element. */
    function refill(form, fragment) {
        var fresh = fragment.querySelector("form.hc-form");
        if (!fresh) {
            return false;
        }
        form.replaceChildren.apply(form, Array.prototype.slice.call(fresh.childNodes));
        focus(form.querySelector("[aria-invalid=true]") || form.querySelector(".hc-errors") || form.querySelector(".hc-preview"));
        return true;
    }

    function updateFormTokens(widget, token) {
        if (token) {
            widget.root.querySelectorAll("input[name='hc-form']").forEach(function (input) { input.value = token; });
        }
    }

    function article(id) {
        return document.getElementById("comment-" + id);
    }

    function placeComment(widget, form, fragment) {
        var item = fragment.querySelector("li");
        var parentId = form.querySelector("[name='hc-parent']");
        var container = widget.root.querySelector(".hc-list");
        if (parentId && article(parentId.value)) {
            var parent = article(parentId.value);
            container = parent.querySelector(":scope > ol.hc-replies");
            if (!container) {
                container = document.createElement("ol");
                container.className = "hc-replies";
                parent.appendChild(container);
            }
        }
        if (widget.root.getAttribute("data-hearth-sort") === "newest" && container.classList.contains("hc-list")) {
            container.insertBefore(item, container.firstChild);
        } else {
            container.appendChild(item);
        }
        var empty = widget.root.querySelector(".hc-empty");
        if (empty) {
            empty.remove();
        }
        rememberDetails(form);
        fillDetails(widget.root);
        if (parentId) {
            form.remove();
        } else {
            form.querySelector("[name='hc-body']").value = "";
            var preview = form.querySelector(".hc-preview");
            if (preview) {
                preview.remove();
            }
        }
        focus(item.querySelector("article"));
    }

    /* Replaces what stands in a comment's element before its replies. */
    function replaceContent(target, fragment) {
        Array.prototype.slice.call(target.children).forEach(function (child) {
            if (!child.matches("ol.hc-replies")) {
                child.remove();
            }
        });
        target.insertBefore(fragment, target.querySelector(":scope > ol.hc-replies"));
    }

    /* The first comment after this list item and its replies, else the one before it, else the discussion's heading. */
    function neighbour(widget, item) {
        var all = Array.prototype.slice.call(widget.root.querySelectorAll("article.hc-comment"));
        var inside = item.querySelectorAll("article.hc-comment");
        var last = all.indexOf(inside[inside.length - 1]);
        return all[last + 1] || all[all.indexOf(inside[0]) - 1] || widget.root.querySelector("h2");
    }

    /* A team member's decision answered: the comment's new content, a placeholder, nothing (it is gone), or a message. */
    function moderated(widget, form, result) {
        var target = form.closest("article");
        var note = result.html.querySelector(".hc-moderation-note");
        if (!result.ok) {
            if (!note) {
                HTMLFormElement.prototype.submit.call(form);
                return;
            }
            form.replaceWith(note);
            focus(note);
        } else if (result.html.querySelector("header")) {
            replaceContent(target, result.html);
            target.classList.remove("hc-pending");
            focus(target);
        } else if (result.html.querySelector(".hc-removed") && target.querySelector(":scope > ol.hc-replies")) {
            replaceContent(target, result.html);
            target.classList.add("hc-removed-comment");
            focus(target);
        } else {
            var item = target.closest("li");
            var next = neighbour(widget, item);
            item.remove();
            focus(next);
        }
    }

    function submit(widget, form, event) {
        var submitter = event.submitter;
        event.preventDefault();
        var buttons = form.querySelectorAll("button");
        buttons.forEach(function (button) { button.disabled = true; });
        request(form.action, payload(widget, form, submitter)).then(function (result) {
            buttons.forEach(function (button) { button.disabled = false; });
            updateFormTokens(widget, result.headers.get("X-Hearth-Form"));
            var owner = result.headers.get("X-Hearth-Owner");
            if (owner) {
                rememberToken(owner);
            }
            announce(widget, result.html);
            var question = result.ok && result.html.querySelector("form.hc-confirm-delete");
            /* The answer to "Follow": the form again with its message, or what comes next; the heading and feed link stay. */
            var follow = form.classList.contains("hc-follow-form") && result.html.querySelector(".hc-follow form, .hc-follow-sent");
            if (follow) {
                form.replaceWith(follow);
                focus(follow.querySelector("[aria-invalid=true]") || follow);
            } else if (form.classList.contains("hc-follow-form")) {
                HTMLFormElement.prototype.submit.call(form);
            } else if (question) {
                confirmed.set(question, form);
                form.replaceWith(question);
                question.querySelector("button").focus();
            } else if (form.classList.contains("hc-moderate-form")) {
                moderated(widget, form, result);
            } else if (form.classList.contains("hc-smile-form") && result.ok) {
                form.querySelector("button").replaceWith(result.html.querySelector("button"));
                form.querySelector("button").focus();
            } else if (form.classList.contains("hc-delete-form") && result.ok) {
                var deleted = form.closest("article");
                if (deleted.querySelector(":scope > ol.hc-replies")) {
                    replaceContent(deleted, result.html);
                    deleted.classList.add("hc-removed-comment");
                } else {
                    deleted.closest("li").remove();
                }
                focus(widget.root.querySelector("h2"));
            } else if (result.status === 201) {
                placeComment(widget, form, result.html);
            } else if (form.querySelector("[name='hc-edit']") && result.ok && result.html.querySelector(".hc-body")) {
                var edited = form.closest("article");
                replaceContent(edited, result.html);
                focus(edited);
            } else if (!refill(form, result.html)) {
                HTMLFormElement.prototype.submit.call(form);
            }
        }).catch(function () {
            buttons.forEach(function (button) { button.disabled = false; });
            HTMLFormElement.prototype.submit.call(form); /* the plain way, as without JavaScript */
        });
    }

    function loadForm(widget, params, place) {
        request(discussionUrl(widget, params)).then(function (result) {
            var form = result.html.querySelector("form.hc-form");
            if (result.ok && form) {
                place(form);
                fillDetails(form.parentNode);
                focus(form.querySelector("textarea"));
            }
        });
    }

    function openReply(widget, link) {
        var id = link.getAttribute("data-hearth-reply");
        var existing = document.getElementById("hc-form-" + id);
        if (existing) {
            focus(existing.querySelector("textarea"));
            return;
        }
        loadForm(widget, {part: "form", reply: id}, function (form) {
            var actions = article(id).querySelector(":scope > .hc-actions");
            actions.insertAdjacentElement("afterend", form);
        });
    }

    function openEdit(widget, link) {
        var id = link.getAttribute("data-hearth-edit");
        if (document.getElementById("hc-form-edit-" + id)) {
            return;
        }
        loadForm(widget, {part: "form", edit: id}, function (form) {
            var target = article(id);
            target.querySelectorAll(":scope > .hc-body, :scope > .hc-actions").forEach(function (node) { node.hidden = true; });
            target.querySelector(":scope > header").insertAdjacentElement("afterend", form);
        });
    }

    function cancel(link) {
        var form = link.closest("form");
        var target = form.closest("article");
        form.remove();
        if (target) {
            target.querySelectorAll(":scope > .hc-body, :scope > .hc-actions").forEach(function (node) { node.hidden = false; });
            focus(target.querySelector(":scope > .hc-actions a, :scope > .hc-actions button") || target);
        }
    }

    /* "Keep it": the question gives way to the delete button it came from. */
    function keep(link) {
        var question = link.closest("form");
        var original = confirmed.get(question);
        if (original) {
            question.replaceWith(original);
            original.querySelector("button").focus();
        }
    }

    function sort(widget, link) {
        request(discussionUrl(widget, {sort: link.getAttribute("data-hearth-sort")})).then(function (result) {
            var section = result.html.querySelector("section.hc-comments");
            if (result.ok && section) {
                widget.root.replaceWith(section);
                var fresh = enhance(section, widget);
                focus(fresh.root.querySelector("h2"));
            }
        });
    }

    function more(widget, link) {
        var paragraph = link.closest(".hc-more");
        request(discussionUrl(widget, {part: "page", sort: widget.root.getAttribute("data-hearth-sort"),
            page: link.getAttribute("data-hearth-more")})).then(function (result) {
            if (!result.ok) {
                return;
            }
            var list = widget.root.querySelector(".hc-list");
            var items = Array.prototype.slice.call(result.html.querySelectorAll(":scope > li"));
            var next = result.html.querySelector(".hc-more");
            items.forEach(function (item) { list.appendChild(item); });
            if (next) {
                paragraph.replaceWith(next);
            } else {
                paragraph.remove();
            }
            focus(items.length ? items[0].querySelector("article") : null);
        });
    }

    /* A discussion on the page: its links and forms work in place. */
    function enhance(section, from) {
        var widget = {
            root: section,
            thread: section.getAttribute("data-hearth-thread"),
            api: section.getAttribute("data-hearth-api"),
            lang: from && from.lang || section.getAttribute("lang"),
            feed: from && from.feed || feedAddress(section.getAttribute("data-hearth-feed")),
            title: from && from.title || document.title,
            url: from && from.url || location.href.split("#")[0]
        };
        section.addEventListener("click", function (event) {
            var link = event.target.closest("a");
            if (!link || !section.contains(link)) {
                return;
            }
            var handled = true;
            if (link.hasAttribute("data-hearth-reply")) {
                openReply(widget, link);
            } else if (link.hasAttribute("data-hearth-edit")) {
                openEdit(widget, link);
            } else if (link.hasAttribute("data-hearth-sort")) {
                sort(widget, link);
            } else if (link.hasAttribute("data-hearth-more")) {
                more(widget, link);
            } else if (link.classList.contains("hc-cancel") && link.closest("form")) {
                cancel(link);
            } else if (link.classList.contains("hc-keep") && confirmed.has(link.closest("form"))) {
                keep(link);
            } else {
                handled = false;
            }
            if (handled) {
                event.preventDefault();
            }
        });
        section.addEventListener("click", function (event) {
            var button = event.target.closest("button.hc-forget");
            if (button && section.contains(button)) {
                forgetDetails(widget, button);
            }
        });
        fillDetails(section);
        section.addEventListener("submit", function (event) {
            if (section.contains(event.target)) {
                submit(widget, event.target, event);
            }
        });
        return widget;
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
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = new URL("comments.css", scriptSrc).href;
        link.setAttribute("data-hearth-css", "true");
        document.head.appendChild(link);
    }

    /* The site owner's feed of the discussion (data-feed), absolute; the server links it only when it is http(s). */
    function feedAddress(value) {
        try {
            return value ? new URL(value, location.href).href : null;
        } catch (e) {
            return null;
        }
    }

    /* The language of the discussion: data-lang on the container or the script tag, else the page's lang. */
    function pageLanguage(container) {
        var marked = container.closest("[lang]");
        return container.getAttribute("data-lang") || (script && script.getAttribute("data-lang"))
            || (marked && marked.getAttribute("lang")) || document.documentElement.getAttribute("lang") || null;
    }

    /* A bare <div data-hearth-thread>: the discussion as the server renders it. */
    function embed(container) {
        addStylesheet();
        var widget = {
            api: apiBase(container),
            thread: container.getAttribute("data-hearth-thread"),
            lang: pageLanguage(container),
            feed: feedAddress(container.getAttribute("data-feed") || (script && script.getAttribute("data-feed"))),
            title: container.getAttribute("data-hearth-title") || document.title,
            url: container.getAttribute("data-hearth-url") || location.href.split("#")[0]
        };
        request(discussionUrl(widget, {})).then(function (result) {
            var shown = result.html.querySelector("section.hc-comments");
            if (!shown) {
                return;
            }
            container.replaceChildren(shown);
            if (result.ok) {
                enhance(shown, widget);
                if (location.hash && document.getElementById(location.hash.substring(1))) {
                    document.getElementById(location.hash.substring(1)).scrollIntoView();
                }
            }
        });
    }

    function start() {
        document.querySelectorAll("section.hc-comments[data-hearth-thread]").forEach(function (section) { enhance(section); });
        document.querySelectorAll("[data-hearth-thread]:not(section)").forEach(function (container) {
            if (!container.closest("section.hc-comments")) {
                embed(container);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
