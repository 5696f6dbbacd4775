-- 图解 (issue 20): numbered steps of an item's picture tutorial; the image is a PNG or JPEG in the FileStore.
CREATE TABLE hall_tutorial_step (
  id         uuid          PRIMARY KEY,
  item_code  varchar(40)   NOT NULL,
  position   integer       NOT NULL CHECK (position > 0),
  title      varchar(40)   NOT NULL,
  body       varchar(500)  NOT NULL,
  image_id   varchar(200)  NOT NULL,
  image_type varchar(20)   NOT NULL CHECK (image_type IN ('image/png', 'image/jpeg')),
  alt        varchar(100)  NOT NULL,
  updated_at timestamptz   NOT NULL DEFAULT now(),
  updated_by varchar(100)  NOT NULL,
  -- deferred, so that two steps swap places in one transaction
  CONSTRAINT hall_tutorial_step_position UNIQUE (item_code, position) DEFERRABLE INITIALLY DEFERRED
);
