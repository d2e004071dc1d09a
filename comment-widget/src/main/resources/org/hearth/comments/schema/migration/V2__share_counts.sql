CREATE TABLE hc_share_count (
    thread_id BIGINT      NOT NULL,
    network   VARCHAR(16) NOT NULL,
    shares    BIGINT      NOT NULL,
    CONSTRAINT pk_hc_share_count PRIMARY KEY (thread_id, network),
    CONSTRAINT fk_hc_share_count_thread FOREIGN KEY (thread_id) REFERENCES hc_thread (id)
);

CREATE TABLE hc_share_visit (
    thread_id   BIGINT      NOT NULL,
    network     VARCHAR(16) NOT NULL,
    client_hash VARCHAR(64) NOT NULL,
    share_day   DATE        NOT NULL,
    CONSTRAINT pk_hc_share_visit PRIMARY KEY (thread_id, network, client_hash, share_day),
    CONSTRAINT fk_hc_share_visit_thread FOREIGN KEY (thread_id) REFERENCES hc_thread (id)
);

CREATE INDEX ix_hc_share_visit_day ON hc_share_visit (share_day);
