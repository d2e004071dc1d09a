/**
 * What a host application uses of the comment widget, and all it should use: a host imports nothing of
 * {@code org.hearth.comments} outside this package (Hearth's blog-web checks so in a test).
 * <ul>
 * <li>{@link org.hearth.comments.host.TeamDirectory} (with {@link org.hearth.comments.host.TeamMember} and
 *     {@link org.hearth.comments.host.Badge}): the one bean a host provides, saying who of its team is signed in;</li>
 * <li>{@link org.hearth.comments.host.CommentPosted} and {@link org.hearth.comments.host.CommentApproved}: the CDI
 *     events a host may observe;</li>
 * <li>{@link org.hearth.comments.host.PageHints}: what a host that keeps rendered pages (or answers with HTTP
 *     validators) needs to know about the discussion on a page: its revision, whether the reader proves comments of
 *     their own, the form token, the discussion's query parameters;</li>
 * <li>{@link org.hearth.comments.host.CrossSite}: the widget's test of whether a request comes from a page of this
 *     site, for a host's own forms;</li>
 * <li>{@link org.hearth.comments.host.SettingsEditor}, {@link org.hearth.comments.host.EditableSetting} and
 *     {@link org.hearth.comments.host.RefusedOrigins}: what a host's settings page edits;</li>
 * <li>{@link org.hearth.comments.host.WidgetDatabase} and {@link org.hearth.comments.host.SiteBase}: the widget's
 *     tables and the site's address, for hosts that share them;</li>
 * <li>{@link org.hearth.comments.host.OfflineUnitCleanup}: for a host's own EclipseLink unit that may deploy while
 *     the database is down, the cleanup GlassFish leaves undone when the application stops.</li>
 * </ul>
 * The Faces tag library ({@code xmlns:hc="https://hearth.example/comments"}), the JSON API and the
 * {@code web-fragment.xml} need no Java code of the host.
 */
package org.hearth.comments.host;
