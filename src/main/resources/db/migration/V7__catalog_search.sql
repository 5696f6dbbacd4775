-- What unified search indexes about each published item (rebuilt on publish); the Lucene index lives in
-- TONGBAN_DATA_DIR/search and is rebuilt from this table when missing.
CREATE TABLE catalog_search_document (
  code            varchar(60)   PRIMARY KEY,
  name            varchar(200)  NOT NULL,
  aliases         varchar(2000) NOT NULL,
  keywords        varchar(2000) NOT NULL,
  body            text          NOT NULL,
  pinyin          varchar(4000) NOT NULL,
  initials        varchar(1000) NOT NULL,
  type            varchar(4)    NOT NULL,
  department_code varchar(40)   NOT NULL,
  online_depth    int           NOT NULL,
  required_visits int           NOT NULL,
  scope           varchar(40),
  popularity      bigint        NOT NULL DEFAULT 0
);
