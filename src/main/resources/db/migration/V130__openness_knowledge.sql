-- The knowledge base (知识库): questions and answers curated by staff, and those taken from guides' FAQs, policy
-- interpretations' Q&A and published 12345 replies. Each entry links its source (source_path, or sources for curated
-- entries). Retired entries stay for the record but are not offered.
CREATE TABLE openness_knowledge_entry (
  id              uuid          PRIMARY KEY,
  origin          varchar(20)   NOT NULL,            -- CURATED, GUIDE, INTERPRETATION, REPLY
  source_key      varchar(200)  NOT NULL,            -- the entry within its source: item code#n, publication id#n, ticket number, demo key
  question        varchar(300)  NOT NULL,
  variants        text          NOT NULL DEFAULT '', -- other ways people ask, one a line
  answer          text          NOT NULL,
  department_code varchar(40),
  items           text          NOT NULL DEFAULT '', -- related item codes, one a line
  owner           varchar(100),
  review_on       date,
  sources         text          NOT NULL DEFAULT '', -- curated: "title<TAB>url" one a line
  source_title    varchar(300),                       -- derived entries: the guide, interpretation or reply
  source_path     varchar(300),
  status          varchar(20)   NOT NULL DEFAULT 'ACTIVE',
  updated_by      varchar(100),
  updated_at      timestamptz   NOT NULL DEFAULT now(),
  UNIQUE (origin, source_key)
);
CREATE INDEX openness_knowledge_entry_department ON openness_knowledge_entry (department_code, status);

-- What site-wide search indexes besides items: policies, interpretations, articles and active knowledge entries.
-- Hibernate Search indexes each row on commit; the Lucene index is rebuilt from this table when they disagree.
CREATE TABLE openness_search_document (
  id              varchar(80)   PRIMARY KEY,          -- KIND:uuid
  kind            varchar(20)   NOT NULL,
  ref             uuid          NOT NULL,             -- the publication or knowledge entry
  name            varchar(300)  NOT NULL,
  aliases         text          NOT NULL DEFAULT '',
  keywords        text          NOT NULL DEFAULT '',  -- matched like an item's keywords
  body            text          NOT NULL DEFAULT '',
  grams           text          NOT NULL DEFAULT '',  -- a knowledge entry's question and variants, by characters and pairs
  pinyin          text          NOT NULL DEFAULT '',
  initials        text          NOT NULL DEFAULT '',
  department_code varchar(40)   NOT NULL DEFAULT '',
  path            varchar(300)  NOT NULL,
  snippet         varchar(400)  NOT NULL DEFAULT '',
  published_on    date
);
CREATE INDEX openness_search_document_ref ON openness_search_document (ref);
