"""OpenAPI in: loading specs with source positions, walking operations, resolving references."""
