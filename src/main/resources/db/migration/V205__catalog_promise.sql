-- 告知承诺制 (issue 19 §3, ADR 0033): an item may accept a signed promise (承诺书) instead of named materials. Kept by the
-- item's department admin beside the item's versions (the promise text has its own version, recorded with each case
-- signed under it); the sampling rate and deadline of the post-approval check (核查) go with it.
CREATE TABLE catalog_promise (
  item_code       text        PRIMARY KEY,
  department_code text        NOT NULL,
  version         int         NOT NULL DEFAULT 1,
  text            text        NOT NULL,
  replaced        jsonb       NOT NULL DEFAULT '[]'::jsonb,
  sample_percent  int         NOT NULL DEFAULT 20 CHECK (sample_percent BETWEEN 0 AND 100),
  check_days      int         NOT NULL DEFAULT 20 CHECK (check_days BETWEEN 1 AND 60),
  active          boolean     NOT NULL DEFAULT true,
  updated_by      text        NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Every version of a promise text as it was offered, so a case's signed version can always be read back.
CREATE TABLE catalog_promise_version (
  item_code  text        NOT NULL REFERENCES catalog_promise (item_code),
  version    int         NOT NULL,
  text       text        NOT NULL,
  replaced   jsonb       NOT NULL,
  created_by text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_code, version)
);
