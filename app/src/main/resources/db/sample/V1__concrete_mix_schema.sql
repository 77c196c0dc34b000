-- Sluice's sample target schema: a concrete-mix lab database. Portable across H2 2.x and PostgreSQL.
CREATE TABLE supplier (
    supplier_code VARCHAR(10)  NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    country       CHAR(2),
    CONSTRAINT uq_supplier_name UNIQUE (name)
);

CREATE TABLE concrete_mix (
    mix_code            VARCHAR(20)   NOT NULL PRIMARY KEY,
    cement_kg           NUMERIC(6, 1) NOT NULL,
    water_kg            NUMERIC(6, 1) NOT NULL,
    fly_ash_kg          NUMERIC(6, 1) DEFAULT 0,
    slag_kg             NUMERIC(6, 1) DEFAULT 0,
    coarse_agg_kg       NUMERIC(7, 1) NOT NULL,
    fine_agg_kg         NUMERIC(7, 1) NOT NULL,
    superplasticizer_kg NUMERIC(5, 2),
    w_c_ratio           NUMERIC(4, 3),
    w_b_ratio           NUMERIC(4, 3),
    age_days            INTEGER       NOT NULL,
    strength_mpa        NUMERIC(5, 2),
    cast_date           DATE,
    supplier_code       VARCHAR(10),
    CONSTRAINT fk_mix_supplier FOREIGN KEY (supplier_code) REFERENCES supplier (supplier_code),
    CONSTRAINT ck_cement_positive CHECK (cement_kg > 0),
    CONSTRAINT ck_water_nonnegative CHECK (water_kg >= 0),
    CONSTRAINT ck_wc_ratio CHECK (w_c_ratio BETWEEN 0.2 AND 1.0),
    CONSTRAINT ck_age_days CHECK (age_days IN (1, 3, 7, 14, 28, 56, 90, 180, 365)),
    CONSTRAINT ck_strength CHECK (strength_mpa >= 0 AND strength_mpa < 200),
    CONSTRAINT ck_binder_total CHECK (cement_kg + COALESCE(fly_ash_kg, 0) + COALESCE(slag_kg, 0) <= 1200)
);

INSERT INTO supplier (supplier_code, name, country) VALUES
    ('NORD', 'Nordcem AB', 'SE'),
    ('ALPC', 'Alpenzement GmbH', 'AT'),
    ('CEMS', 'Cementos del Sur', 'ES'),
    ('RHEI', 'Rheinkalk Baustoffe', 'DE'),
    ('EVIA', 'Cimenterie d''Évian', 'FR');
