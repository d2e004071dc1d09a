/*
 * Hearth share bar, progressive enhancement of plain links that already work without JavaScript:
 * counts refresh after a share, "Copy link" and the browser's share sheet appear where supported, and Mastodon asks
 * for the reader's server once (remembered in localStorage) and opens its share page directly.
 */
(function () {
    "use strict";
    var INSTANCE_KEY = "hearth.mastodon.instance";
    var INSTANCE = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

    function announce(bar, text) {
        var status = bar.querySelector(".hc-share-status");
        if (status) {
            status.textContent = text;
        }
    }

    /* "3 shares" in the page's language: the form of the count's CLDR category, as the server wrote them. */
    function shares(bar, n) {
        var forms = {};
        try { forms = JSON.parse(bar.getAttribute("data-hc-plural") || "{}"); } catch (e) { forms = {}; }
        var lang = bar.closest("[lang]");
        var category = "other";
        try { category = new Intl.PluralRules(lang ? lang.getAttribute("lang") : "en").select(n); } catch (e) { category = "other"; }
        var form = forms["=" + n] || forms[category] || forms.other || "#";
        return form.replace(/#/g, n.toLocaleString(lang ? lang.getAttribute("lang") : undefined));
    }

    function refresh(bar) {
        fetch(bar.getAttribute("data-hc-counts"), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (counts) {
                if (!counts) {
                    return;
                }
                bar.querySelectorAll("[data-hc-network]").forEach(function (link) {
                    var n = counts.networks[link.getAttribute("data-hc-network")] || 0;
                    link.querySelector(".hc-share-count").textContent = String(n);
                    link.querySelector(".hc-share-said").textContent = shares(bar, n);
                });
                bar.querySelector(".hc-share-total").textContent = shares(bar, counts.total);
            })
            .catch(function () { /* the counts stay as rendered */ });
    }

    function count(bar, network) {
        var url = bar.querySelector("[data-hc-network='" + network + "']").getAttribute("href");
        return fetch(url, { method: "POST", credentials: "same-origin" }).then(function () { refresh(bar); });
    }

    function mastodonIntent(bar, instance) {
        var text = bar.getAttribute("data-hc-title") + " " + bar.getAttribute("data-hc-url");
        return "https://" + instance + "/share?text=" + encodeURIComponent(text);
    }

    function askInstance(bar) {
        var existing = bar.querySelector(".hc-share-mastodon-form");
        if (existing) {
            existing.querySelector("input").focus();
            return;
        }
        var form = document.createElement("form");
        form.className = "hc-share-mastodon-form";
        var id = "hc-mastodon-" + Math.random().toString(36).slice(2);
        form.innerHTML = '<div><label for="' + id + '"></label>' +
            '<input id="' + id + '" placeholder="mastodon.social" autocomplete="url" required></div>' +
            '<button type="submit"></button>';
        form.querySelector("label").textContent = bar.getAttribute("data-hc-mastodon-server");
        form.querySelector("button").textContent = bar.getAttribute("data-hc-mastodon-go");
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var input = form.querySelector("input");
            var instance = input.value.trim().toLowerCase();
            if (!INSTANCE.test(instance)) {
                input.setAttribute("aria-invalid", "true");
                announce(bar, bar.getAttribute("data-hc-mastodon-invalid"));
                input.focus();
                return;
            }
            try { localStorage.setItem(INSTANCE_KEY, instance); } catch (e) { /* private mode: ask again next time */ }
            window.open(mastodonIntent(bar, instance), "_blank", "noopener");
            count(bar, "mastodon");
            form.remove();
        });
        bar.appendChild(form);
        form.querySelector("input").focus();
    }

    function enhance(bar) {
        bar.querySelectorAll("[data-hc-network]").forEach(function (link) {
            link.addEventListener("click", function (event) {
                if (link.getAttribute("data-hc-network") !== "mastodon") {
                    // The link opens /share/{network} in a new tab, which counts and redirects; then show the new count.
                    setTimeout(function () { refresh(bar); }, 1200);
                    return;
                }
                event.preventDefault();
                var instance = null;
                try { instance = localStorage.getItem(INSTANCE_KEY); } catch (e) { instance = null; }
                if (instance && INSTANCE.test(instance)) {
                    window.open(mastodonIntent(bar, instance), "_blank", "noopener");
                    count(bar, "mastodon");
                } else {
                    askInstance(bar);
                }
            });
        });

        var copy = bar.querySelector(".hc-share-copy");
        if (copy && navigator.clipboard) {
            copy.parentElement.hidden = false;
            copy.addEventListener("click", function () {
                navigator.clipboard.writeText(bar.getAttribute("data-hc-url")).then(function () {
                    announce(bar, bar.getAttribute("data-hc-copied"));
                }, function () {
                    announce(bar, bar.getAttribute("data-hc-copy-failed"));
                });
            });
        }

        var native = bar.querySelector(".hc-share-native");
        if (native && navigator.share) {
            native.parentElement.hidden = false;
            native.addEventListener("click", function () {
                navigator.share({ title: bar.getAttribute("data-hc-title"), url: bar.getAttribute("data-hc-url") })
                    .catch(function () { /* the reader closed the sheet */ });
            });
        }
    }

    function start() {
        document.querySelectorAll("[data-hc-share]").forEach(enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
