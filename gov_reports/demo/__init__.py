"""The bundled offline demo portal: its server, the platform endpoints and a generated portal for benchmarks."""
