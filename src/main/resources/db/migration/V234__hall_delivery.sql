-- 可快递送达 (issue 20): a result posted at 送达 followed with its carrier until it is signed for.
CREATE TABLE hall_delivery_shipment (
  id              uuid         PRIMARY KEY,
  case_id         uuid         NOT NULL UNIQUE,
  case_number     varchar(40),
  carrier         varchar(40)  NOT NULL,
  tracking_number varchar(40)  NOT NULL,
  status          varchar(20)  NOT NULL CHECK (status IN ('POSTED', 'COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'SIGNED')),
  posted_at       timestamptz  NOT NULL,
  received_at     timestamptz
);
CREATE INDEX hall_delivery_shipment_open_idx ON hall_delivery_shipment (posted_at) WHERE status <> 'SIGNED';

-- each status a carrier reported, stored once
CREATE TABLE hall_delivery_status (
  shipment_id  uuid        NOT NULL REFERENCES hall_delivery_shipment (id),
  status       varchar(20) NOT NULL,
  status_order smallint    NOT NULL,
  at           timestamptz NOT NULL,
  PRIMARY KEY (shipment_id, status)
);

INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('DELIVERY_SIGNED', 'INAPP', '邮寄的办理结果已签收', '您办理的“{itemName}”（办件编号 {caseNumber}）的结果已由{carrier}送达并签收，运单号 {trackingNumber}。如未收到，请联系办理部门。'),
 ('DELIVERY_SIGNED', 'SMS', '', '【通办】您办理的“{itemName}”结果已签收（{carrier} {trackingNumber}），如未收到请联系办理部门。');
