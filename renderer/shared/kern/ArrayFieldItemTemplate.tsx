import type { ArrayFieldItemTemplateProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';

/** One entry of a list: its fields, then its buttons (move, remove) as a row of KERN buttons. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, registry, uiSchema } = props;
  const ButtonsTemplate = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  return (
    <div className="kf-array-item">
      {children}
      {hasToolbar ? (
        <div className="kf-button-row">
          <ButtonsTemplate {...buttonsProps} />
        </div>
      ) : null}
    </div>
  );
}
