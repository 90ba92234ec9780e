# The resident's journey (core/src/journey/): words of its views.
jr-warning-summary = Check before you continue
jr-warning-lead = Check the answers below. If they are right, select "Continue anyway".
jr-continue-anyway = Continue anyway
jr-feedback-empty = Select a rating or write a comment
jr-feedback-empty-fix = Choose a number from 1 to 5 or write in the comment box, then send again.
jr-feedback-rating-range = Rating must be a number from 1 to 5
jr-reference = Reference number
jr-reference-lead = Give this number if you contact us.
jr-town-does = What the town does next
jr-town-does-by = by about { $date }
jr-still-to-do = What you still need to do
jr-still-to-do-lead = These procedures are not finished here. Do them by their deadlines.
jr-visit = You need to visit the town office
jr-nothing-left = You have nothing else to do.
jr-dismiss = Finish
jr-screening-fix-first = Correct the answers above to see which procedures you need.
