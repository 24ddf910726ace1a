"""The web pages served with the HTTP API: server-rendered templates, own CSS and JavaScript."""
