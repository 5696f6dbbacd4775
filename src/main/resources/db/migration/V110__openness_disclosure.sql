-- 依申请公开 (政府信息公开条例 2019, Arts. 27–45): requests for government information held by a department, their clock
-- on the working calendar, the written notices issued on them, and the reviews and suits filed over their answers.

CREATE SEQUENCE openness_disclosure_number_seq;

CREATE TABLE openness_disclosure_request (
  id                       uuid PRIMARY KEY,
  number                   text NOT NULL UNIQUE,
  department_code          text NOT NULL,
  applicant_account_id     uuid NOT NULL,
  applicant_name           text NOT NULL,
  party_kind               text NOT NULL,
  party_id                 uuid NOT NULL,
  party_name               text NOT NULL,
  applicant_category       text NOT NULL,
  description              text NOT NULL,
  preferred_form           text NOT NULL,
  delivery                 text,            -- postal address or e-mail, encrypted (DataKeys); null for 在线下载
  purpose                  text,
  status                   text NOT NULL,
  received_at              timestamptz NOT NULL,
  received_on              date NOT NULL,
  due_on                   date NOT NULL,
  supplement_requested_on  date,
  supplement_note          text,
  supplement_due           date,
  supplement_answered_on   date,
  supplement_answer        text,
  consultation_party       text,
  consultation_started_on  date,
  consultation_ended_on    date,
  consultation_result      text,
  extension_state          text NOT NULL DEFAULT 'NONE',
  extension_days           int NOT NULL DEFAULT 0,
  extension_reason         text,
  extension_requested_by   text,
  extension_decided_by     text,
  extension_decided_on     date,
  outcome                  text,
  outcome_note             text,
  concluded_on             date,
  concluded_by             text,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX openness_disclosure_request_party_idx ON openness_disclosure_request (party_id, received_at DESC);
CREATE INDEX openness_disclosure_request_department_idx ON openness_disclosure_request (department_code, status, due_on);

-- The steps of a request as the applicant and staff see them.
CREATE TABLE openness_disclosure_step (
  id          bigserial PRIMARY KEY,
  request_id  uuid NOT NULL REFERENCES openness_disclosure_request (id),
  at          timestamptz NOT NULL DEFAULT now(),
  action      text NOT NULL,
  actor_name  text NOT NULL,
  note        text
);
CREATE INDEX openness_disclosure_step_request_idx ON openness_disclosure_step (request_id, id);

-- Files of a request: the sealed notices (补正, 延期, 答复告知书) and the information provided with the answer.
CREATE TABLE openness_disclosure_file (
  id            bigserial PRIMARY KEY,
  request_id    uuid NOT NULL REFERENCES openness_disclosure_request (id),
  kind          text NOT NULL,
  name          text NOT NULL,
  file_id       text NOT NULL,
  sha256        text NOT NULL,
  content_type  text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX openness_disclosure_file_request_idx ON openness_disclosure_file (request_id, id);

-- 行政复议 and 行政诉讼 filed over a request's answer (section 四 of the annual report).
CREATE TABLE openness_disclosure_remedy (
  id           bigserial PRIMARY KEY,
  request_id   uuid NOT NULL REFERENCES openness_disclosure_request (id),
  kind         text NOT NULL,
  result       text NOT NULL,
  filed_on     date NOT NULL,
  recorded_by  text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX openness_disclosure_remedy_request_idx ON openness_disclosure_remedy (request_id);

INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('DISCLOSURE_RECEIVED', 'INAPP', '政府信息公开申请已收到', '您向{department}提出的政府信息公开申请已收到，编号 {number}。本机关将于 {due} 前答复。'),
 ('DISCLOSURE_SUPPLEMENT', 'INAPP', '请补正政府信息公开申请', '您的政府信息公开申请（{number}）需要补正：{note}。请于 {until} 前在“我的申请”中补正，逾期未补正视为放弃申请。'),
 ('DISCLOSURE_EXTENDED', 'INAPP', '政府信息公开申请延期答复', '您的政府信息公开申请（{number}）答复期限延长 {days} 个工作日，至 {due}。理由：{reason}。延期答复告知书可在“我的申请”中下载。'),
 ('DISCLOSURE_ANSWERED', 'INAPP', '政府信息公开申请已答复', '您的政府信息公开申请（{number}）已答复：{outcome}。告知书可在“我的申请”中下载。'),
 ('DISCLOSURE_WITHDRAWN', 'INAPP', '政府信息公开申请视为放弃', '您的政府信息公开申请（{number}）逾期未补正，视为放弃申请。');
