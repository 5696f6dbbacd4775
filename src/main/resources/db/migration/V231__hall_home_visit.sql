-- 上门服务 (issue 20): a home visit for an elderly or disabled person, requested by them, a family proxy or a community
-- worker, assigned to staff of the person's township 便民服务中心 (else the district hall). ID number, phone and address
-- are encrypted (shared.DataKeys); the ID number also has a blind index. The confirmation code sent to the person's
-- phone is kept only as a hash.
CREATE TABLE hall_home_visit (
  id                    uuid         PRIMARY KEY,
  person_account_id     uuid,
  person_name           varchar(30)  NOT NULL,
  id_number_enc         text         NOT NULL,
  id_number_index       varchar(128) NOT NULL,
  phone_enc             text         NOT NULL,
  address_enc           text         NOT NULL,
  township_code         varchar(12)  NOT NULL,
  item_code             varchar(40)  NOT NULL,
  reason                varchar(10)  NOT NULL CHECK (reason IN ('ELDERLY', 'DISABLED', 'IMMOBILE')),
  channel               varchar(10)  NOT NULL CHECK (channel IN ('SELF', 'PROXY', 'COMMUNITY')),
  requested_by_id       uuid         NOT NULL,
  requested_by_name     varchar(60)  NOT NULL,
  status                varchar(10)  NOT NULL CHECK (status IN ('REQUESTED', 'ASSIGNED', 'VISITED', 'CONFIRMED', 'CANCELLED')),
  point_id              uuid,
  assigned_account_id   uuid,
  assigned_name         varchar(60),
  identity_checked_at   timestamptz,
  case_id               uuid,
  visited_at            timestamptz,
  notes                 varchar(500),
  confirmation_hash     varchar(128),
  confirmation_attempts integer      NOT NULL DEFAULT 0,
  confirmed_at          timestamptz,
  rating_visit_id       uuid,
  cancel_reason         varchar(200),
  requested_at          timestamptz  NOT NULL,
  assigned_at           timestamptz
);
CREATE INDEX hall_home_visit_assigned_idx ON hall_home_visit (assigned_account_id, status);
CREATE INDEX hall_home_visit_requester_idx ON hall_home_visit (requested_by_id);
CREATE INDEX hall_home_visit_person_idx ON hall_home_visit (person_account_id);
CREATE INDEX hall_home_visit_point_idx ON hall_home_visit (point_id, requested_at);

INSERT INTO notification_template (event, channel, subject, body) VALUES
('HALL_HOME_VISIT_CODE', 'SMS', '', '【通办】{staff}已上门为您办理“{item}”。如确认本次上门服务，请将确认码 {code} 告诉工作人员。'),
('HALL_HOME_VISIT_RATE', 'SMS', '', '【通办】感谢您使用上门服务，请为本次服务评价：{link}'),
('HALL_HOME_VISIT_RATE', 'INAPP', '请为上门服务评价', '{staff}已上门为您办理“{item}”，请为本次服务评价。'),
('HALL_HELP_ANSWERED', 'INAPP', '在线帮办有新回复', '{staff}回复了您的在线帮办：{excerpt}');
