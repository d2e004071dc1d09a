<%-- The domain's home page until Hearth is deployed at / (bin/hearth copies this folder into the domain's docroot):
     503 with Retry-After and a refresh, so a reader who opens the site early is told to wait, and a balancer does too. --%>
<%@ page contentType="text/html;charset=UTF-8" session="false" trimDirectiveWhitespaces="true" %>
<%
    response.setStatus(503);
    response.setHeader("Retry-After", "5");
    response.setHeader("Cache-Control", "no-store");
%>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="refresh" content="5">
    <title>Hearth is starting</title>
    <link rel="stylesheet" href="/hearth-starting.css">
</head>
<body>
<main>
    <h1>Hearth is starting</h1>
    <p>The server is up and Hearth is being deployed. This page reloads by itself every 5 seconds and shows the site as
        soon as it is ready.</p>
    <p><a href="/">Reload now</a></p>
</main>
</body>
</html>
