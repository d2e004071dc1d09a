package org.hearth.web.console;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;

import org.hearth.comments.host.CommunityFigures;
import org.hearth.comments.host.Languages;
import org.hearth.comments.host.ShareFigures;
import org.hearth.comments.host.ShareNetwork;
import org.hearth.comments.host.SharedThread;
import org.hearth.comments.host.ShareTally;
import org.hearth.web.Messages;
import org.hearth.web.language.PluralFormatRenderer;

/**
 * The community dashboard ({@code /console/dashboard/}) over the last {@value #DAYS} days: a bar chart of comments per
 * day drawn as SVG on the server (with the same figures in a table), the time to the first team reply per week, the
 * share of readers' comments answered, returning commenters and the most discussed posts; and the shares started from
 * the site's share links per network and the most shared posts (since counting began); and per week (from the Monday of
 * the first day's week) comments, first-timers and shares per network, each chart with its figures in a table. In a
 * language written from right to left, time runs from right to left in the charts.
 */
@Named
@RequestScoped
public class DashboardPage {

    static final int DAYS = 28;
    static final int CHART_WIDTH = 560;
    static final int CHART_HEIGHT = 160;
    static final int SMALL_WIDTH = 280;
    static final int SMALL_HEIGHT = 130;

    /** A number and the space after it. */
    private static final java.util.regex.Pattern NUMBER_AND_UNIT = java.util.regex.Pattern.compile("(\\p{Nd}) ");

    /** One bar of a chart, in SVG user units, and the figure it draws. */
    public record Bar<T>(int x, int y, int width, int height, T item) {
    }

    /** A small chart of one network's shares per week, on the scale of the busiest network's busiest week. */
    public record NetworkChart(ShareNetwork network, long total, List<Bar<CommunityFigures.WeekCount>> bars) {
    }

    @Inject
    private CommunityFigures figures;

    @Inject
    private ShareFigures shares;

    private ShareTally shareTotals;

    private final LocalDate to = LocalDate.now(ZoneOffset.UTC);
    private final LocalDate from = to.minusDays(DAYS - 1);
    private List<CommunityFigures.Day> days;
    private List<CommunityFigures.Week> weeks;
    private List<CommunityFigures.WeekCount> commentWeeks;
    private List<CommunityFigures.WeekCount> firstTimerWeeks;
    private List<ShareFigures.ShareWeek> shareWeeks;
    private Boolean rightToLeft;
    private DateFormat shortDates;

    public List<CommunityFigures.Day> getDays() {
        if (days == null) {
            days = figures.commentsPerDay(from, to);
        }
        return days;
    }

    /** The bars of comments per day, scaled to the busiest day. */
    public List<Bar<CommunityFigures.Day>> getBars() {
        return bars(getDays(), CommunityFigures.Day::comments);
    }

    /** The bars of the median time to a first team reply per week (in minutes), scaled to the slowest week. */
    public List<Bar<CommunityFigures.Week>> getReplyBars() {
        return bars(getWeeks(), week -> week.median() == null ? 0 : week.median().toMinutes());
    }

    /** The slowest weekly median, in words. */
    public String getSlowestMedian() {
        return humanWait(getWeeks().stream().map(CommunityFigures.Week::median).filter(java.util.Objects::nonNull)
                .max(Duration::compareTo).orElse(null));
    }

    /** Comments per week. */
    public List<CommunityFigures.WeekCount> getCommentWeeks() {
        if (commentWeeks == null) {
            commentWeeks = figures.commentsPerWeek(from, to);
        }
        return commentWeeks;
    }

    /** Readers whose first comment fell in the week, per week. */
    public List<CommunityFigures.WeekCount> getFirstTimerWeeks() {
        if (firstTimerWeeks == null) {
            firstTimerWeeks = figures.firstTimersPerWeek(from, to);
        }
        return firstTimerWeeks;
    }

    /** The bars of comments per week, scaled to the busiest week. */
    public List<Bar<CommunityFigures.WeekCount>> getCommentWeekBars() {
        return bars(getCommentWeeks(), CommunityFigures.WeekCount::count);
    }

    /** The bars of first-timers per week, scaled to the week with most. */
    public List<Bar<CommunityFigures.WeekCount>> getFirstTimerBars() {
        return bars(getFirstTimerWeeks(), CommunityFigures.WeekCount::count);
    }

    /** The largest weekly figure of a chart (for its description). */
    public long most(List<CommunityFigures.WeekCount> weeks) {
        return weeks.stream().mapToLong(CommunityFigures.WeekCount::count).max().orElse(0);
    }

    /** The shares per network and week. */
    public List<ShareFigures.ShareWeek> getShareWeeks() {
        if (shareWeeks == null) {
            shareWeeks = shares.perWeek(from, to);
        }
        return shareWeeks;
    }

    /** One small chart per network, all on one scale so that their bars compare. */
    public List<NetworkChart> getShareCharts() {
        var max = getShareWeeks().stream().flatMap(w -> Arrays.stream(ShareNetwork.values()).map(w.tally()::of))
                .mapToLong(Long::longValue).max().orElse(0);
        return Arrays.stream(ShareNetwork.values()).map(network -> {
            var counts = getShareWeeks().stream().map(w -> new CommunityFigures.WeekCount(w.monday(), w.tally().of(network))).toList();
            return new NetworkChart(network, counts.stream().mapToLong(CommunityFigures.WeekCount::count).sum(),
                    bars(counts, CommunityFigures.WeekCount::count, max, SMALL_WIDTH, SMALL_HEIGHT));
        }).toList();
    }

    public int getSmallWidth() {
        return SMALL_WIDTH;
    }

    public int getSmallHeight() {
        return SMALL_HEIGHT;
    }

    /** A bundle pattern with one argument, in the view's language (for texts inside SVG, where no outputFormat goes). */
    public String format(String pattern, Object argument) {
        return PluralFormatRenderer.format(locale(), pattern, argument);
    }

    /** A day as short as the view's language writes it without its year, for axes and tables: "Nov 30", "30. Nov.". */
    public String shortDate(LocalDate day) {
        if (shortDates == null) {
            shortDates = DateFormat.getInstanceForSkeleton(DateFormat.ABBR_MONTH_DAY, locale());
            shortDates.setTimeZone(TimeZone.GMT_ZONE);
        }
        return shortDates.format(java.util.Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** Whether the view's language is written from right to left, so that the charts' time runs that way too. */
    public boolean isRightToLeft() {
        if (rightToLeft == null) {
            rightToLeft = "rtl".equals(Languages.direction(locale()));
        }
        return rightToLeft;
    }

    /** One bar per item across the full-size chart, as high as its value against the largest. */
    private <T> List<Bar<T>> bars(List<T> items, java.util.function.ToLongFunction<T> value) {
        return bars(items, value, items.stream().mapToLong(value).max().orElse(1), CHART_WIDTH, CHART_HEIGHT);
    }

    /**
     * One bar per item, side by side across a chart {@code width} by {@code height} in the order of the view's language's
     * writing (the first item on the left, or on the right from right to left), as high as its value against {@code max}.
     */
    private <T> List<Bar<T>> bars(List<T> items, java.util.function.ToLongFunction<T> value, long max, int width, int height) {
        var scale = Math.max(1, max);
        var slot = width / Math.max(1, items.size());
        var bars = new ArrayList<Bar<T>>();
        for (int i = 0; i < items.size(); i++) {
            var barHeight = (int) Math.round((double) value.applyAsLong(items.get(i)) / scale * (height - 34));
            var x = isRightToLeft() ? width - (i + 1) * slot + 1 : i * slot + 1;
            bars.add(new Bar<>(x, height - 20 - barHeight, slot - 2, barHeight, items.get(i)));
        }
        return bars;
    }

    public long getMaxPerDay() {
        return getDays().stream().mapToLong(CommunityFigures.Day::comments).max().orElse(0);
    }

    public int getChartWidth() {
        return CHART_WIDTH;
    }

    public int getChartHeight() {
        return CHART_HEIGHT;
    }

    public List<CommunityFigures.Week> getWeeks() {
        if (weeks == null) {
            weeks = figures.timeToFirstTeamReply(from, to);
        }
        return weeks;
    }

    public CommunityFigures.Answered getAnswered() {
        return figures.answered(from, to);
    }

    public CommunityFigures.Returning getReturning() {
        return figures.returning(from, to);
    }

    public List<CommunityFigures.Discussed> getMostDiscussed() {
        return figures.mostDiscussed(from, to, 5);
    }

    public ShareNetwork[] getNetworks() {
        return ShareNetwork.values();
    }

    /** The shares of all posts together, per network. */
    public ShareTally getShareTotals() {
        if (shareTotals == null) {
            shareTotals = shares.totals();
        }
        return shareTotals;
    }

    public List<SharedThread> getMostShared() {
        return shares.mostShared(5);
    }

    /** A network's name: its brand, or "e-mail" in the view's language. */
    public String networkName(ShareNetwork network) {
        return network == ShareNetwork.EMAIL ? Messages.text(locale(), "dashboard.network.email") : network.label();
    }

    /** A post's shares per network, the networks it was shared to only: "X (Twitter) 3 · Facebook 2". */
    public String breakdown(ShareTally tally) {
        var numbers = NumberFormat.getIntegerInstance(locale());
        return Arrays.stream(ShareNetwork.values()).filter(n -> tally.of(n) > 0)
                .map(n -> networkName(n) + " " + numbers.format(tally.of(n)))
                .collect(Collectors.joining(" · "));
    }

    /**
     * A wait in the view's language's short words: "45 min", "3 h 20 min", "2 d 4 h"; a dash for none. Each number is
     * bound to its unit by a no-break space, so that a narrow column breaks the wait between them only.
     */
    public String humanWait(Duration duration) {
        if (duration == null) {
            return "–";
        }
        String wait;
        if (duration.toDays() > 0) {
            wait = Messages.text(locale(), "wait.days", duration.toDays(), duration.toHoursPart());
        } else if (duration.toHours() > 0) {
            wait = Messages.text(locale(), "wait.hours", duration.toHours(), duration.toMinutesPart());
        } else {
            wait = Messages.text(locale(), "wait.minutes", Math.max(duration.toMinutes(), 0));
        }
        return NUMBER_AND_UNIT.matcher(wait).replaceAll("$1\u00a0");
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
