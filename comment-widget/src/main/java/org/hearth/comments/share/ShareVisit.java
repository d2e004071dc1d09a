package org.hearth.comments.share;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hearth.comments.host.ShareNetwork;

/**
 * That one client shared a thread to a network on a day (UTC): a second share the same day is not counted. The client
 * is a keyed hash, not an address. The rows date the shares for the weekly figures and are deleted after
 * {@value org.hearth.comments.host.ShareFigures#DAYS_DATED} days.
 */
@Entity
@Table(name = "hc_share_visit")
@IdClass(ShareVisit.Key.class)
@NamedQuery(name = "ShareVisit.deleteBefore", query = "delete from ShareVisit v where v.day < :day")
public class ShareVisit {

    @Id
    @Column(name = "thread_id")
    private long threadId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private ShareNetwork network;

    @Id
    @Column(name = "client_hash", length = 64)
    private String client;

    @Id
    @Column(name = "share_day")
    private LocalDate day;

    protected ShareVisit() {
    }

    ShareVisit(long threadId, ShareNetwork network, String client, LocalDate day) {
        this.threadId = threadId;
        this.network = Objects.requireNonNull(network);
        this.client = Objects.requireNonNull(client);
        this.day = Objects.requireNonNull(day);
    }

    /** The primary key: thread, network, client and day. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long threadId;
        private ShareNetwork network;
        private String client;
        private LocalDate day;

        public Key() {
        }

        public Key(long threadId, ShareNetwork network, String client, LocalDate day) {
            this.threadId = threadId;
            this.network = network;
            this.client = client;
            this.day = day;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && threadId == key.threadId && network == key.network
                    && Objects.equals(client, key.client) && Objects.equals(day, key.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(threadId, network, client, day);
        }
    }
}
