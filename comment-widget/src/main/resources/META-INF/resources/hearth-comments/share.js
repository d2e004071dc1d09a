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

    function plural(n) {
        return n === 1 ? " share" : " shares";
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
                    var hidden = link.querySelectorAll(".hc-visually-hidden");
                    hidden[hidden.length - 1].textContent = plural(n);
                });
                bar.querySelector(".hc-share-total-count").textContent = String(counts.total);
                bar.querySelector(".hc-share-total").lastChild.textContent = plural(counts.total);
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
        form.innerHTML = '<div><label for="' + id + '">Your Mastodon server</label>' +
            '<input id="' + id + '" placeholder="mastodon.social" autocomplete="url" required></div>' +
            '<button type="submit">Share on Mastodon</button>';
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var input = form.querySelector("input");
            var instance = input.value.trim().toLowerCase();
            if (!INSTANCE.test(instance)) {
                input.setAttribute("aria-invalid", "true");
                announce(bar, "That is not a Mastodon server name. Type only its address, such as mastodon.social.");
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
                    announce(bar, "Link copied");
                }, function () {
                    announce(bar, "The link could not be copied");
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
