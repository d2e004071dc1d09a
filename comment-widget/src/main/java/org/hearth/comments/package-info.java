/**
 * The Hearth comment widget: threaded discussions and share links that any Jakarta EE 11 web application can embed.
 * <p>
 * Drop the jar into {@code WEB-INF/lib}; it brings its own CDI beans ({@code META-INF/beans.xml}), its Faces
 * configuration ({@code META-INF/faces-config.xml}, named {@code hearth_comments}) and its tag library
 * ({@code xmlns:hc="hearth:comments"}). It knows nothing of the host's content: the host names each thread by an
 * opaque key (such as a page path) and tells the widget who the signed-in team member is.
 */
package org.hearth.comments;
