-- 政务公开 publications (articles, policies, interpretations). A publication is the thing with a public address; each
-- change of its content is a revision that passes the 保密审查 before it becomes the live one. The live revision's
-- facts that lists, feeds and the annual report filter on are copied onto the publication row when it goes live.
CREATE TABLE openness_publication (
  id                uuid        PRIMARY KEY,
  kind              text        NOT NULL,
  department_code   text        NOT NULL,
  status            text        NOT NULL,
  live_version      int,
  title             text,
  doc_number        text,
  doc_type          text,
  topic             text,
  category          text,
  disclosure        text,
  published_on      date,
  written_on        date,
  effective_on      date,
  policy_id         uuid        REFERENCES openness_publication (id),
  validity          text        NOT NULL DEFAULT 'VALID',
  validity_on       date,
  replaced_by       uuid        REFERENCES openness_publication (id),
  withdrawn_reason  text,
  withdrawn_at      timestamptz,
  demo_key          text        UNIQUE,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX openness_publication_public_idx ON openness_publication (kind, status, published_on DESC);
CREATE INDEX openness_publication_policy_idx ON openness_publication (policy_id);

-- Issuing departments of the live revision (one or several: joint documents), for filters and counts.
CREATE TABLE openness_publication_issuer (
  publication_id   uuid NOT NULL REFERENCES openness_publication (id),
  department_code  text NOT NULL,
  PRIMARY KEY (publication_id, department_code)
);
CREATE INDEX openness_publication_issuer_dept_idx ON openness_publication_issuer (department_code);

-- Catalogue items the live revision of a policy governs (相关办事 / 相关政策).
CREATE TABLE openness_publication_item (
  publication_id  uuid NOT NULL REFERENCES openness_publication (id),
  item_code       text NOT NULL,
  PRIMARY KEY (publication_id, item_code)
);
CREATE INDEX openness_publication_item_code_idx ON openness_publication_item (item_code);

CREATE TABLE openness_publication_revision (
  id              uuid        PRIMARY KEY,
  publication_id  uuid        NOT NULL REFERENCES openness_publication (id),
  version_no      int         NOT NULL,
  purpose         text        NOT NULL,
  status          text        NOT NULL,
  content         jsonb       NOT NULL,
  author_id       uuid        NOT NULL,
  author_name     text        NOT NULL,
  submitted_at    timestamptz,
  reviewer_id     uuid,
  reviewer_name   text,
  reviewed_at     timestamptz,
  review_note     text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (publication_id, version_no)
);
CREATE INDEX openness_publication_revision_status_idx ON openness_publication_revision (status);
