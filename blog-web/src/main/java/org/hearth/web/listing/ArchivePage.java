package org.hearth.web.listing;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.MonthCount;
import org.hearth.blog.post.PostService;
import org.hearth.blog.post.TagCount;

/** The archive index, {@code /archive}: every month and every tag with its number of posts. */
@Named
@RequestScoped
public class ArchivePage {

    @Inject
    private PostService posts;

    private List<MonthCount> months;
    private List<TagCount> tags;

    public List<MonthCount> getMonths() {
        if (months == null) {
            months = posts.visibleMonths();
        }
        return months;
    }

    public List<TagCount> getTags() {
        if (tags == null) {
            tags = posts.visibleTags();
        }
        return tags;
    }
}
