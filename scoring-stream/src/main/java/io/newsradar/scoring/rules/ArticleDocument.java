package io.newsradar.scoring.rules;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.ArticleField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/** An article as the Monitor sees it: its title and body in every index form that applies. */
final class ArticleDocument {
    private ArticleDocument() {}

    static String text(NewsArticle article, ArticleField field) {
        String s = field == ArticleField.TITLE ? article.getTitle() : article.getBody();
        return s == null ? "" : s;
    }

    static Document of(NewsArticle article) {
        Analysis cjk = Analysis.forLanguage(article.getLanguage());
        Document doc = new Document();
        for (ArticleField f : ArticleField.values()) {
            String text = text(article, f);
            doc.add(new TextField(Analysis.STEM.field(f), text, Field.Store.NO));
            doc.add(new TextField(Analysis.EXACT.field(f), text, Field.Store.NO));
            doc.add(new TextField(Analysis.CASED.field(f), text, Field.Store.NO));
            if (cjk != null) {
                doc.add(new TextField(cjk.field(f), text, Field.Store.NO));
            }
        }
        return doc;
    }
}
