"""Language registry, language detection and language-code normalisation."""

__all__ = ["check_declared_language", "detect_language", "detect_languages", "normalise_lang_code"]
