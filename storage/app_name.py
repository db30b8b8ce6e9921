"""The application's name for its folders (config, data, cache, state): alone, so naming a folder imports nothing."""

APP_NAME = "doorbraak"
