-- The deployment's own keys (token signing keys, the deployment CA, the upload gateway key), shared by every
-- server of the database. Each row is one version of one key, wrapped (AES-256-GCM) under a key derived from
-- CA_SECRET, with its name and version bound in as associated data; the server unwraps it
-- (org.lscb.server.vault.DeploymentKeyVault). The primary key lets only one server create a given version:
-- a second one that tries at the same time is refused and reads the winner's.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE deployment_key (
    name       VARCHAR(40)    NOT NULL,
    version    INTEGER        NOT NULL,
    wrapped    VARCHAR(16000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (name, version)
);
