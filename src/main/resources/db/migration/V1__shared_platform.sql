-- Spring Modulith's JDBC event publication registry (schema v2 of spring-modulith-events-jdbc 2.1).
CREATE TABLE event_publication (
  id                     UUID NOT NULL PRIMARY KEY,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Spring Authorization Server's JDBC stores, adapted to PostgreSQL (text for blob, timestamptz).
CREATE TABLE oauth2_registered_client (
  id                            varchar(100)  NOT NULL PRIMARY KEY,
  client_id                     varchar(100)  NOT NULL UNIQUE,
  client_id_issued_at           timestamptz   DEFAULT CURRENT_TIMESTAMP NOT NULL,
  client_secret                 varchar(200)  DEFAULT NULL,
  client_secret_expires_at      timestamptz   DEFAULT NULL,
  client_name                   varchar(200)  NOT NULL,
  client_authentication_methods varchar(1000) NOT NULL,
  authorization_grant_types     varchar(1000) NOT NULL,
  redirect_uris                 varchar(1000) DEFAULT NULL,
  post_logout_redirect_uris     varchar(1000) DEFAULT NULL,
  scopes                        varchar(1000) NOT NULL,
  client_settings               varchar(2000) NOT NULL,
  token_settings                varchar(2000) NOT NULL
);

CREATE TABLE oauth2_authorization (
  id                            varchar(100) NOT NULL PRIMARY KEY,
  registered_client_id          varchar(100) NOT NULL,
  principal_name                varchar(200) NOT NULL,
  authorization_grant_type      varchar(100) NOT NULL,
  authorized_scopes             varchar(1000) DEFAULT NULL,
  attributes                    text DEFAULT NULL,
  state                         varchar(500) DEFAULT NULL,
  authorization_code_value      text DEFAULT NULL,
  authorization_code_issued_at  timestamptz DEFAULT NULL,
  authorization_code_expires_at timestamptz DEFAULT NULL,
  authorization_code_metadata   text DEFAULT NULL,
  access_token_value            text DEFAULT NULL,
  access_token_issued_at        timestamptz DEFAULT NULL,
  access_token_expires_at       timestamptz DEFAULT NULL,
  access_token_metadata         text DEFAULT NULL,
  access_token_type             varchar(100) DEFAULT NULL,
  access_token_scopes           varchar(1000) DEFAULT NULL,
  oidc_id_token_value           text DEFAULT NULL,
  oidc_id_token_issued_at       timestamptz DEFAULT NULL,
  oidc_id_token_expires_at      timestamptz DEFAULT NULL,
  oidc_id_token_metadata        text DEFAULT NULL,
  refresh_token_value           text DEFAULT NULL,
  refresh_token_issued_at       timestamptz DEFAULT NULL,
  refresh_token_expires_at      timestamptz DEFAULT NULL,
  refresh_token_metadata        text DEFAULT NULL,
  user_code_value               text DEFAULT NULL,
  user_code_issued_at           timestamptz DEFAULT NULL,
  user_code_expires_at          timestamptz DEFAULT NULL,
  user_code_metadata            text DEFAULT NULL,
  device_code_value             text DEFAULT NULL,
  device_code_issued_at         timestamptz DEFAULT NULL,
  device_code_expires_at        timestamptz DEFAULT NULL,
  device_code_metadata          text DEFAULT NULL
);
CREATE INDEX oauth2_authorization_principal_idx ON oauth2_authorization (principal_name);

CREATE TABLE oauth2_authorization_consent (
  registered_client_id varchar(100)  NOT NULL,
  principal_name       varchar(200)  NOT NULL,
  authorities          varchar(1000) NOT NULL,
  PRIMARY KEY (registered_client_id, principal_name)
);

-- Which optional data sets have been loaded (demo data loads once).
CREATE TABLE shared_data_load (
  name      varchar(100) PRIMARY KEY,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
