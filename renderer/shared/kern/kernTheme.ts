import type { RegistryWidgetsType, TemplatesType } from '@rjsf/utils';
import { ArrayFieldItemTemplate } from './ArrayFieldItemTemplate.tsx';
import { ArrayFieldTemplate } from './ArrayFieldTemplate.tsx';
import { BaseInputTemplate } from './BaseInputTemplate.tsx';
import {
  AddButton,
  ClearButton,
  CopyButton,
  MoveDownButton,
  MoveUpButton,
  RemoveButton,
  SubmitButton,
} from './ButtonTemplates.tsx';
import { CheckboxesWidget } from './CheckboxesWidget.tsx';
import { CheckboxWidget } from './CheckboxWidget.tsx';
import { ErrorListTemplate } from './ErrorListTemplate.tsx';
import { FieldTemplate } from './FieldTemplate.tsx';
import { FileWidget } from './FileWidget.tsx';
import { ObjectFieldTemplate } from './ObjectFieldTemplate.tsx';
import { RadioWidget } from './RadioWidget.tsx';
import { SelectWidget } from './SelectWidget.tsx';
import { TextareaWidget } from './TextareaWidget.tsx';

/** rjsf templates of the KERN theme (pass as <Form templates>); reused by the staff apps. */
export const kernTemplates: Partial<TemplatesType> = {
  ArrayFieldItemTemplate,
  ArrayFieldTemplate,
  BaseInputTemplate,
  ErrorListTemplate,
  FieldTemplate,
  ObjectFieldTemplate,
  ButtonTemplates: { AddButton, ClearButton, CopyButton, MoveDownButton, MoveUpButton, RemoveButton, SubmitButton },
};

/** rjsf widgets of the KERN theme (pass as <Form widgets>). Text, email, date ... go through BaseInputTemplate. */
export const kernWidgets: RegistryWidgetsType = {
  CheckboxWidget,
  CheckboxesWidget,
  FileWidget,
  RadioWidget,
  SelectWidget,
  TextareaWidget,
};
