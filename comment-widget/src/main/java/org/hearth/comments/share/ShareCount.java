package org.hearth.comments.share;

import java.io.Serializable;
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

/** How often a thread was shared to one network from this site (each reader at most once a day). */
@Entity
@Table(name = "hc_share_count")
@IdClass(ShareCount.Key.class)
@NamedQuery(name = "ShareCount.increment", query = """
        update ShareCount c set c.shares = c.shares + 1 where c.threadId = :threadId and c.network = :network""")
@NamedQuery(name = "ShareCount.forThreads", query = "select c from ShareCount c where c.threadId in :threadIds")
@NamedQuery(name = "ShareCount.perNetwork", query = "select c.network, sum(c.shares) from ShareCount c group by c.network")
@NamedQuery(name = "ShareCount.mostShared", query = """
        select c.threadId, sum(c.shares) from ShareCount c group by c.threadId order by sum(c.shares) desc, c.threadId""")
public class ShareCount {

    @Id
    @Column(name = "thread_id")
    private long threadId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private ShareNetwork network;

    @Column(nullable = false)
    private long shares;

    protected ShareCount() {
    }

    ShareCount(long threadId, ShareNetwork network, long shares) {
        this.threadId = threadId;
        this.network = Objects.requireNonNull(network);
        this.shares = shares;
    }

    public long getThreadId() {
        return threadId;
    }

    public ShareNetwork getNetwork() {
        return network;
    }

    public long getShares() {
        return shares;
    }

    /** The primary key: thread and network. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long threadId;
        private ShareNetwork network;

        public Key() {
        }

        public Key(long threadId, ShareNetwork network) {
            this.threadId = threadId;
            this.network = network;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && threadId == key.threadId && network == key.network;
        }

        @Override
        public int hashCode() {
            return Objects.hash(threadId, network);
        }
    }
}
