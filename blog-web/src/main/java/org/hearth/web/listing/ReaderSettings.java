package org.hearth.web.listing;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Settings of the reader pages, read from system properties (JVM options of the domain), so an admin changes them
 * without rebuilding the WAR: {@value #PAGE_SIZE_PROPERTY} (posts per page of a listing, default
 * {@value #DEFAULT_PAGE_SIZE}, 1 to 100).
 */
@ApplicationScoped
public class ReaderSettings {

    public static final String PAGE_SIZE_PROPERTY = "hearth.page-size";
    public static final int DEFAULT_PAGE_SIZE = 10;

    /** Posts per page of the home page, tag, month and author pages. */
    public int pageSize() {
        try {
            int size = Integer.parseInt(System.getProperty(PAGE_SIZE_PROPERTY, String.valueOf(DEFAULT_PAGE_SIZE)).strip());
            return size >= 1 && size <= 100 ? size : DEFAULT_PAGE_SIZE;
        } catch (NumberFormatException e) {
            return DEFAULT_PAGE_SIZE;
        }
    }
}
