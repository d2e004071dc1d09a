CREATE TABLE hc_share_message (
    thread_id BIGINT       NOT NULL,
    message   VARCHAR(300) NOT NULL,
    CONSTRAINT pk_hc_share_message PRIMARY KEY (thread_id),
    CONSTRAINT fk_hc_share_message_thread FOREIGN KEY (thread_id) REFERENCES hc_thread (id)
);
