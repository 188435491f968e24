package io.newsradar.scoring;

/**
 * One occurrence of a rule's term in an article.
 *
 * @param text  the words as the article wrote them ("Defence Ministers")
 * @param start offset of the first character in the field
 * @param end   offset after the last character
 */
public record Hit(ArticleField field, String text, int start, int end) {}
