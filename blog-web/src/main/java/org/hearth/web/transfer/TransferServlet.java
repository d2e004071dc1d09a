package org.hearth.web.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.team.TeamRole;
import org.hearth.blog.team.TeamService;
import org.hearth.web.feed.SiteAddress;
import org.hearth.web.signin.ConsoleSecurity;

/**
 * Imports for admins:
 * <ul>
 * <li>{@code POST /transfer/import} with a {@code multipart/form-data} part {@code file} (a WordPress export): starts
 * the import and answers {@code 202} with the job ({@code Location: /transfer/jobs/{id}}), or for the console's form a
 * {@code 303} to its page; with {@code ?wait=true}, runs the import in the request and answers {@code 200} with the
 * job once it has ended;</li>
 * <li>{@code GET /transfer/export}: everything as a WordPress export (WXR 1.2), and {@code GET
 * /transfer/export/threads.json}: the comments of threads that belong to no post ({@link WordPressExport});</li>
 * <li>{@code GET /transfer/jobs/{id}}: the job as JSON ({@link ImportJob#toJson}), or as text for people
 * ({@code Accept: text/plain}, {@link ImportJob#toText}); its id is the secret.</li>
 * </ul>
 * Who may import and export: an admin signed in to the console (a form of this site: {@code SiteProtection} refuses cross-site
 * requests), or a program sending an admin's username and password with HTTP Basic authentication
 * ({@code bin/hearth import}), checked like a sign-in (same waits after failures). Uploads may be up to
 * {@value #MAX_MEGABYTES} MB here only; errors are RFC 9457 problem bodies.
 */
@WebServlet(name = "Transfer", urlPatterns = TransferServlet.PATH + "/*")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = TransferServlet.MAX_BYTES, maxRequestSize = TransferServlet.MAX_BYTES + 65_536)
public class TransferServlet extends HttpServlet {

    public static final String PATH = "/transfer";

    /** The largest export accepted. */
    public static final int MAX_MEGABYTES = 512;

    static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;

    /** The console page that follows an import. */
    public static final String PAGE = "/console/transfer/index.xhtml";

    private static final long serialVersionUID = 1L;

    @Inject
    private transient TransferJobs jobs;

    @Inject
    private transient TeamService team;

    @Inject
    private transient WordPressExport export;

    @Inject
    private transient SecurityContext security;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!"/import".equals(request.getPathInfo())) {
            problem(response, 404, "not-found", "Not found", "POST an export to " + PATH + "/import.");
            return;
        }
        if (!isAdmin(request, response)) {
            return;
        }
        var contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            response.setHeader("Connection", "close");
            refuseUpload(request, response, 415, "multipart-required", "Upload required", "Send the export as multipart/form-data, in a part named file.", null);
            return;
        }
        jakarta.servlet.http.Part part;
        try {
            part = request.getPart("file");
        } catch (IllegalStateException e) {
            refuseUpload(request, response, 413, "too-large", "Export too large", "An export may be at most " + MAX_MEGABYTES + " MB.", null);
            return;
        }
        if (part == null || part.getSize() == 0) {
            refuseUpload(request, response, 400, "no-file", "No file", "Choose a WordPress export (an .xml file) to import.", null);
            return;
        }
        ImportJob job;
        try (var in = part.getInputStream()) {
            job = jobs.start(fileName(part.getSubmittedFileName()), part.getSize(), in, SiteAddress.of(request), !waits(request));
        } catch (TransferJobs.BusyException e) {
            refuseUpload(request, response, 409, "import-running", "An import is running",
                    "Another import runs (" + PATH + "/jobs/" + e.runningId() + "); start this one when it has ended.", e.runningId());
            return;
        } finally {
            part.delete();
        }
        var follow = request.getContextPath() + PATH + "/jobs/" + job.getId();
        if (waits(request)) {
            response.setHeader("Location", follow);
            json(response, job.toJson());
            return;
        }
        if (isConsoleForm(request)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + PAGE + "?job=" + job.getId());
            return;
        }
        response.setStatus(HttpServletResponse.SC_ACCEPTED);
        response.setHeader("Location", follow);
        json(response, job.toJson());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var info = request.getPathInfo();
        if ("/export".equals(info) || "/export/threads.json".equals(info)) {
            if (!isAdmin(request, response)) {
                return;
            }
            var day = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            response.setHeader("Cache-Control", "no-store");
            response.setCharacterEncoding("UTF-8");
            if (info.equals("/export")) {
                response.setContentType("application/xml");
                response.setHeader("Content-Disposition", "attachment; filename=\"hearth-wordpress-" + day + ".xml\"");
                try {
                    export.wordPress(response.getOutputStream(), SiteAddress.of(request), "Hearth");
                } catch (javax.xml.stream.XMLStreamException e) {
                    throw new IOException("The export could not be written", e);
                }
            } else {
                response.setContentType("application/json");
                response.setHeader("Content-Disposition", "attachment; filename=\"hearth-threads-" + day + ".json\"");
                export.embedThreads(response.getOutputStream());
            }
            return;
        }
        var job = info != null && info.startsWith("/jobs/") ? jobs.find(info.substring("/jobs/".length())) : java.util.Optional.<ImportJob>empty();
        if (job.isEmpty()) {
            problem(response, 404, "not-found", "No such import", "This server knows no import with this id (it keeps the last " + TransferJobs.KEPT + ").");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        var accept = request.getHeader("Accept");
        if (accept != null && accept.startsWith("text/plain")) {
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(job.get().toText());
            return;
        }
        json(response, job.get().toJson());
    }

    /** Whether the console's form sent this request (a browser, asking for HTML), rather than a program. */
    private static boolean isConsoleForm(HttpServletRequest request) {
        var accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * Refuses an upload: a program gets the problem body; the console's form goes back to its page, which says why in
     * the admin's language ({@link TransferPage#getRefusal()}) and follows the import that runs, if that is why.
     */
    private static void refuseUpload(HttpServletRequest request, HttpServletResponse response, int status, String reason, String title,
                                     String detail, String runningId) throws IOException {
        if (!isConsoleForm(request)) {
            problem(response, status, reason, title, detail);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + PAGE + "?refused=" + reason + (runningId == null ? "" : "&job=" + runningId));
    }

    /** Whether the client asked to wait for the end of the import ({@code ?wait=true}): it then runs in this request. */
    private static boolean waits(HttpServletRequest request) {
        var query = request.getQueryString();
        return query != null && java.util.Arrays.asList(query.split("&")).contains("wait=true");
    }

    /** Whether an admin sends this request; answers 401, 403 or 429 when not. */
    private boolean isAdmin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var authorization = request.getHeader("Authorization");
        if (authorization == null) {
            if (security.getCallerPrincipal() != null && request.isUserInRole(ConsoleSecurity.ADMIN)) {
                return true;
            }
            return refuse(response, security.getCallerPrincipal() == null);
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return refuse(response, true);
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refuse(response, true);
        }
        var colon = credentials.indexOf(':');
        if (colon < 0) {
            return refuse(response, true);
        }
        var signIn = team.signIn(credentials.substring(0, colon), credentials.substring(colon + 1), request.getRemoteAddr());
        return switch (signIn.outcome()) {
            case ACCEPTED -> signIn.user().filter(user -> user.getRole() == TeamRole.ADMIN).isPresent() || refuse(response, false);
            case THROTTLED -> {
                response.setHeader("Retry-After", Long.toString(Math.max(1, signIn.retryAfter().toSeconds())));
                problem(response, 429, "too-many", "Too many attempts", "Too many failed sign-ins from here; wait and try again.");
                yield false;
            }
            default -> refuse(response, true);
        };
    }

    private static boolean refuse(HttpServletResponse response, boolean unknown) throws IOException {
        response.setHeader("Connection", "close"); // the upload is not worth reading
        if (unknown) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Hearth import\", charset=\"UTF-8\"");
            problem(response, 401, "sign-in-required", "Sign-in required", "Only an admin may import: send an admin's username and password.");
        } else {
            problem(response, 403, "admins-only", "Admins only", "Only an admin may import.");
        }
        return false;
    }

    private static String fileName(String submitted) {
        if (submitted == null || submitted.isBlank()) {
            return "export.xml";
        }
        var name = submitted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** Answers with an RFC 9457 problem body, never kept by caches. */
    public static void problem(HttpServletResponse response, int status, String reason, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("type", "https://hearth.example/problems/" + reason)
                .add("title", title).add("status", status).add("detail", detail).add("reason", reason).build().toString());
    }

    private static void json(HttpServletResponse response, JsonObject json) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.toString());
    }
}
