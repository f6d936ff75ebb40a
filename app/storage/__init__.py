"""Encrypted storage of one profile: the SQLCipher database, its tables and schema migrations."""
