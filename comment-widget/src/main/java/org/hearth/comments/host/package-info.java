/**
 * What a host application uses of the comment widget, and all it should use: a host imports nothing of
 * {@code org.hearth.comments} outside this package (Hearth's blog-web checks so in a test). Its services take and give
 * records; the widget's entities never leave it.
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
 * <li>{@link org.hearth.comments.host.DiscussionIds}: the ids of a discussion on a page (the anchor to link to);</li>
 * <li>{@link org.hearth.comments.host.CommentFeeds}: a thread's comment feed (Atom), for a host serving it at its own address;</li>
 * <li>{@link org.hearth.comments.host.CommunityFigures} and {@link org.hearth.comments.host.ShareFigures} (with
 *     {@link org.hearth.comments.host.ShareTally}, {@link org.hearth.comments.host.SharedThread} and
 *     {@link org.hearth.comments.host.ThreadSummary}): the figures of a dashboard;</li>
 * <li>{@link org.hearth.comments.host.WidgetMail} (with {@link org.hearth.comments.host.MailRecord} and
 *     {@link org.hearth.comments.host.MailStatus}): e-mails of the host's own through the widget's outbox, and its
 *     delivery log;</li>
 * <li>{@link org.hearth.comments.host.Moderation} (with {@link org.hearth.comments.host.ModeratedComment},
 *     {@link org.hearth.comments.host.BanScope}, {@link org.hearth.comments.host.BanRecord} and
 *     {@link org.hearth.comments.host.TrustedCommenter}) and {@link org.hearth.comments.host.TeamInbox}: a console's
 *     moderation queue, bans, trusted commenters, and the comments that wait for a team reply;</li>
 * <li>{@link org.hearth.comments.host.CommentThreads}: threads by key and their approved counts;
 *     {@link org.hearth.comments.host.CommentWriter}: comments the host's own code writes;
 *     {@link org.hearth.comments.host.CommentImport} and {@link org.hearth.comments.host.CommentExport} (with
 *     {@link org.hearth.comments.host.ImportedComment}, {@link org.hearth.comments.host.ExportedThread} and
 *     {@link org.hearth.comments.host.ExportedComment}): a site's history in and out;</li>
 * <li>the values a host hands to or gets from the widget's services: {@link org.hearth.comments.host.NewComment},
 *     {@link org.hearth.comments.host.Commenter}, {@link org.hearth.comments.host.CommentStatus},
 *     {@link org.hearth.comments.host.ModerationAction}, {@link org.hearth.comments.host.ShareNetwork} and
 *     {@link org.hearth.comments.host.InvalidCommentException}.</li>
 * <li>{@link org.hearth.comments.host.OfflineUnitCleanup}: for a host's own EclipseLink unit that may deploy while
 *     the database is down, the cleanup GlassFish leaves undone when the application stops.</li>
 * <li>{@link org.hearth.comments.host.CommentSearch} and {@link org.hearth.comments.host.CommenterProfiles}: finding
 *     comments and seeing one commenter whole, for a host's moderators.</li>
 * </ul>
 * The Faces tag library ({@code xmlns:hc="https://hearth.example/comments"}), the JSON API and the
 * {@code web-fragment.xml} need no Java code of the host.
 */
package org.hearth.comments.host;
