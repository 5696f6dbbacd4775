-- 免申即享 (issue #19 §2): benefit policies (every change a new version), batch runs, decisions with the rule version
-- and the data used, contests, payment orders handed to a disbursement, and the payee's bank account for next time.

create table proactive_benefit_policy (
  id uuid not null,
  version int not null,
  code varchar(40) not null,
  name varchar(100) not null,
  department_code varchar(40) not null,
  subject_kind varchar(10) not null,
  resource_code varchar(40) not null,
  conditions jsonb not null,
  amount_rule jsonb not null,
  mode varchar(10) not null,
  period varchar(10) not null,
  payee_field varchar(40) not null,
  payee_name_field varchar(40) not null,
  legal_basis varchar(500) not null,
  policy_url varchar(300) not null,
  active boolean not null default true,
  saved_by varchar(100) not null,
  saved_at timestamptz not null default now(),
  primary key (id, version),
  unique (code, version)
);
create index proactive_benefit_policy_department on proactive_benefit_policy (department_code, code);

create table proactive_benefit_batch (
  id uuid primary key,
  policy_id uuid not null,
  policy_version int not null,
  department_code varchar(40) not null,
  period varchar(10) not null,
  started_by varchar(100) not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  status varchar(10) not null,
  read_count bigint not null default 0,
  eligible bigint not null default 0,
  granted bigint not null default 0,
  duration_ms bigint,
  problem varchar(300)
);
create index proactive_benefit_batch_department on proactive_benefit_batch (department_code, started_at desc);

create table proactive_benefit_decision (
  id uuid primary key,
  policy_id uuid not null,
  policy_version int not null,
  batch_id uuid not null references proactive_benefit_batch (id),
  subject_index varchar(100) not null,
  payee_index varchar(100) not null,
  payee_name text not null,
  period varchar(10) not null,
  decided_on date not null,
  values_used text not null,
  amount numeric(12, 2) not null,
  status varchar(24) not null,
  decided_at timestamptz not null default now(),
  confirmed_at timestamptz,
  corrected_by_contest uuid,
  unique (policy_id, subject_index, period)
);
create index proactive_benefit_decision_payee on proactive_benefit_decision (payee_index, decided_at desc);

create table proactive_benefit_contest (
  id uuid primary key,
  decision_id uuid not null references proactive_benefit_decision (id),
  department_code varchar(40) not null,
  opened_by uuid not null,
  reason varchar(1000) not null,
  status varchar(12) not null,
  opened_at timestamptz not null default now(),
  answer varchar(1000),
  corrected_amount numeric(12, 2),
  answered_by varchar(100),
  answered_at timestamptz
);
create index proactive_benefit_contest_department on proactive_benefit_contest (department_code, status, opened_at);

create table proactive_payment_order (
  id uuid primary key,
  decision_id uuid not null references proactive_benefit_decision (id),
  department_code varchar(40) not null,
  policy_name varchar(100) not null,
  amount numeric(12, 2) not null,
  period varchar(10) not null,
  payee_name text not null,
  bank_account text not null,
  status varchar(12) not null,
  disbursement varchar(40),
  handover_reference varchar(100),
  created_at timestamptz not null default now(),
  handed_over_at timestamptz,
  settled_at timestamptz,
  settled_by varchar(100),
  failure varchar(300)
);
create index proactive_payment_order_department on proactive_payment_order (department_code, created_at desc);
create index proactive_payment_order_created on proactive_payment_order (status) where status = 'CREATED';

create table proactive_payment_account (
  payee_index varchar(100) primary key,
  bank_account text not null,
  updated_at timestamptz not null default now()
);

INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('BENEFIT_OFFERED', 'INAPP', '您可享受{benefit}', '根据政府已掌握的数据，您符合{benefit}的条件（{amount} 元/{period}），无需申请。请在“我的待遇”中一键确认领取，也可查看判断依据或提出异议。'),
 ('BENEFIT_OFFERED', 'SMS', '', '【通办】您符合{benefit}的条件，无需申请，请登录“我的待遇”一键确认领取。'),
 ('BENEFIT_GRANTED', 'INAPP', '已为您发放{benefit}', '根据政府已掌握的数据，已直接为您核定{benefit}（{amount} 元）。请在“我的待遇”中查看判断依据和收款账户。'),
 ('BENEFIT_GRANTED', 'SMS', '', '【通办】已为您核定{benefit}{amount}元，无需申请，请登录“我的待遇”查看。'),
 ('BENEFIT_CONTEST_ANSWERED', 'INAPP', '您对{benefit}的异议已处理', '您对{benefit}决定提出的异议已处理：{outcome}。答复：{answer}'),
 ('BENEFIT_CONTEST_ANSWERED', 'SMS', '', '【通办】您对{benefit}的异议已处理：{outcome}，请登录“我的待遇”查看答复。');

-- One run of a policy at a time.
create unique index proactive_benefit_batch_running on proactive_benefit_batch (policy_id) where status = 'RUNNING';
