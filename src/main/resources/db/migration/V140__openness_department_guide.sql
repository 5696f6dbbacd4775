-- Each department's 政府信息公开指南 (sections of heading and text) and 公开目录 (categories the 条例 Arts. 19-21
-- require, each with a description and, where other pages list that content, a link kind: POLICIES, ARTICLES, SERVICES).
-- One row per department (its directory code); edited by the department's INFO_EDITOR, every edit audited.
create table openness_department_guide (
    department  varchar(32)  primary key,
    sections    jsonb        not null,
    catalogue   jsonb        not null,
    updated_on  date         not null,
    updated_by  varchar(200) not null,
    version     integer      not null default 0,
    constraint openness_department_guide_sections check (jsonb_typeof(sections) = 'array'),
    constraint openness_department_guide_catalogue check (jsonb_typeof(catalogue) = 'array')
);
