# Framsyn: interface texts of the area "editorial", in English.
# Each key lives in one file, the same file in all three languages.

editorial-title = The editorial team's texts
editorial-caption = { $count ->
    [one] { $count } text
   *[other] { $count } texts
}
editorial-none = The editorial team has not written anything yet.
publication-new = New text
publication-edit = Edit the text
publication-kind = Kind
publication-kind-output = The phase's editorial output
publication-kind-news = News
publication-status = Status
publication-status-draft = Draft
publication-status-in_review = In review
publication-status-published = Published
publication-status-unpublished = Unpublished
publication-scheduled = scheduled
publication-scheduled-at = to be published { $date }
publication-updated = Last changed
publication-output = Editorial output
publication-output-hint = For the phase's output: choose which of the phase's editorial outputs the text is.
publication-no-output = None (news)
publication-title = Title
publication-body = Text
publication-preview = Preview
publication-stale-help = { $name } saved a newer version { $date }. Nothing was overwritten: compare with their text below, and save again.
publication-review-comment = The reviewer's comment
publication-workflow = Workflow
publication-submit = Send for review
publication-return = Return with a comment
publication-publish = Publish
publication-publish-at = Publish at (optional)
publication-publish-at-hint = Leave empty to publish now. The time is in the programme's time zone.
publication-unpublish = Unpublish
publication-public-link = See it as the public does
publication-diff-from = From version
publication-diff-to = To version
publication-diff = Differences between version { $from } and { $to }
publication-no-diff = No differences to show.
publication-revisions-caption = { $count ->
    [one] { $count } version
   *[other] { $count } versions
}
publication-restore = Restore
publication-action-save = Saved
publication-action-restore = Restored
publication-action-submit = Sent for review
publication-action-return = Returned
publication-action-publish = Published
publication-action-unpublish = Unpublished
diff-added = Added:
diff-removed = Removed:
publications-title = Published
publications-feed = Subscribe (Atom)
feed-link-title = Publications and news
publications-none = Nothing is published yet.
error-publish-own = The programme requires a second pair of eyes: someone other than the last writer publishes the text.
error-publication-step = The text cannot go there from where it stands.
error-publish-in-past = The time must lie ahead.
error-output-phase = Choose the phase the output belongs to.
error-output-unknown = Choose one of the phase's editorial outputs.

images-title = Images
images-help = Upload images to use in the texts: PNG, JPEG, WebP or GIF, at most { $max } MB. Then paste the image's Markdown line into the text.
images-file = Image file
images-alt = Alternative text
images-alt-hint = Describe what the image shows for those who cannot see it. Required.
images-upload = Upload
images-caption = { $count ->
    [one] { $count } image
   *[other] { $count } images
}
images-image = Image
images-markdown = To paste into the text
error-image-missing = Choose an image file.
error-image-too-large = The image is too large.
error-image-type = The file is not a PNG, JPEG, WebP or GIF image.
error-image-pixels = The image is too large in pixels. It may be at most 5000 × 5000 pixels; make it smaller and try again.
error-image-broken = The file could not be read as an image. It may be damaged; save it again and try again.
images-reencoded = The image is saved again as pixels only: metadata such as the camera's position is removed. JPEG stays JPEG, other formats become PNG.
images-private = The public sees an image only once a published text shows it.
publication-toc = Contents
publication-sources = Sources
publication-empty = Nothing is published yet.
publication-download = Download as one HTML file
publication-print-hint = Print the page to get a PDF.
