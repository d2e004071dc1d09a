-- Settings an administrator changed while the site runs (see CommentSettings): a row per setting that differs from its
-- context parameter (or built-in default). Every change raises the single revision, so that every server sharing this
-- database sees it at once with one indexed read, and a server alone keeps them in memory.
CREATE TABLE hc_setting (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
CREATE TABLE hc_settings_revision (
    id INTEGER NOT NULL PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO hc_settings_revision (id, revision) VALUES (1, 0);

-- Origins whose pages asked for the API but are no embed origin (see RefusedOrigins): at most a few rows, the least
-- recently refused one making room, so that nobody can fill the table by naming made-up origins.
CREATE TABLE hc_refused_origin (
    origin VARCHAR(200) NOT NULL PRIMARY KEY,
    refusals INTEGER NOT NULL,
    last_refused TIMESTAMP NOT NULL
);
