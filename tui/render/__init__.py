"""The presentation layer: view models and their renderers (text, Markdown, PDF), shared by screens and CLI.

`format` is the one place where money, dates and moments become Dutch text.
"""
