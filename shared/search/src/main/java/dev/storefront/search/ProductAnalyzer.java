package dev.storefront.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Splits text into words (Unicode word boundaries, as {@code StandardAnalyzer}), lower-cases them and folds
 * accents to ASCII, so "Crème" and "creme" are the same word. No stop words: shoppers type "the" on purpose
 * in titles. No stemming, so that the last word's prefix is a prefix of the indexed word.
 */
final class ProductAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream words = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, words);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
