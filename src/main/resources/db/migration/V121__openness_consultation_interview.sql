-- 在线访谈 (tongban.openness): a department's scheduled online interview with a guest (a head of the department),
-- questions people send before it starts, and the transcript published after it.
CREATE TABLE openness_consultation_interview (
  id               uuid        PRIMARY KEY,
  department_code  text        NOT NULL,
  title            text        NOT NULL,
  guest            text        NOT NULL,
  summary          text        NOT NULL,
  starts_at        timestamptz NOT NULL,
  status           text        NOT NULL CHECK (status IN ('SCHEDULED', 'TRANSCRIBED')),
  transcript       text,
  transcript_by    text,
  transcript_at    timestamptz,
  created_by       text        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX openness_consultation_interview_starts_idx ON openness_consultation_interview (starts_at);

CREATE TABLE openness_consultation_interview_question (
  id            uuid        PRIMARY KEY,
  interview_id  uuid        NOT NULL REFERENCES openness_consultation_interview (id),
  body          text        NOT NULL,
  account_id    uuid        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX openness_consultation_interview_question_idx ON openness_consultation_interview_question (interview_id, created_at);
