-- 网上缴费 (issue 20, part 6): one payment order per case of an item whose fees can be read and whose department offers
-- online payment. The amount is in fen (integers only); the notice number (缴款码) is 20 digits (docs/hall.md).
CREATE SEQUENCE hall_payment_notice_seq;

CREATE TABLE hall_payment_order (
  id                 uuid         PRIMARY KEY,
  notice_number      char(20)     NOT NULL UNIQUE,
  case_id            uuid         NOT NULL UNIQUE,
  case_number        varchar(40)  NOT NULL,
  item_code          varchar(40)  NOT NULL,
  item_name          varchar(200) NOT NULL,
  department_code    varchar(40)  NOT NULL,
  account_id         uuid,
  payer_name         varchar(200),
  -- the amounts the applicant or clerk may choose between, as JSON [{"label": …, "fen": …}]
  options            jsonb        NOT NULL,
  fee_label          varchar(300),
  amount_fen         bigint       CHECK (amount_fen IS NULL OR amount_fen > 0),
  status             varchar(16)  NOT NULL CHECK (status IN ('AWAITING_CHOICE', 'UNPAID', 'PAID', 'REFUNDED', 'CANCELLED')),
  chosen_by          varchar(100),
  gateway            varchar(40),
  gateway_trade_no   varchar(64),
  created_at         timestamptz  NOT NULL,
  paid_at            timestamptz,
  refunded_at        timestamptz,
  cancelled_at       timestamptz,
  CHECK (status = 'AWAITING_CHOICE' OR status = 'CANCELLED' OR amount_fen IS NOT NULL)
);
CREATE INDEX hall_payment_order_account_idx ON hall_payment_order (account_id, created_at DESC);
CREATE INDEX hall_payment_order_department_idx ON hall_payment_order (department_code, created_at DESC);

-- every callback the gateway sent, accepted or refused with its reason; an accepted notification id is never accepted
-- again (a replay is refused and recorded)
CREATE TABLE hall_payment_callback (
  id               bigserial    PRIMARY KEY,
  notification_id  varchar(64),
  notice_number    varchar(40),
  amount_fen       bigint,
  accepted         boolean      NOT NULL,
  reason           varchar(40),
  received_at      timestamptz  NOT NULL
);
CREATE UNIQUE INDEX hall_payment_callback_accepted_idx ON hall_payment_callback (notification_id) WHERE accepted;
CREATE INDEX hall_payment_callback_notice_idx ON hall_payment_callback (notice_number);

INSERT INTO notification_template (event, channel, subject, body) VALUES
('HALL_PAYMENT_DUE', 'INAPP', '请缴纳{itemName}的费用', '您的办件{caseNumber}需缴纳费用{amount}，缴款码{notice}。缴费后才能作出办理决定。'),
('HALL_PAYMENT_DUE', 'SMS', '', '【通办】您的办件{caseNumber}需缴费{amount}，缴款码{notice}，请登录通办缴费：{link}'),
('HALL_PAYMENT_PAID', 'INAPP', '已收到{itemName}的缴费', '您的办件{caseNumber}已缴费{amount}（缴款码{notice}），办件继续办理。'),
('HALL_PAYMENT_PAID', 'SMS', '', '【通办】已收到您办件{caseNumber}的缴费{amount}，缴款码{notice}，办件继续办理。'),
('HALL_PAYMENT_REFUNDED', 'INAPP', '{itemName}的费用已退还', '您撤回或未获办理的办件{caseNumber}已缴的{amount}已原路退还（缴款码{notice}）。'),
('HALL_PAYMENT_REFUNDED', 'SMS', '', '【通办】您办件{caseNumber}已缴的{amount}已原路退还，缴款码{notice}。');
