package org.hearth.blog.post;

import java.time.YearMonth;

/** A month (UTC) and how many posts readers see from it. */
public record MonthCount(YearMonth month, long posts) {
}
